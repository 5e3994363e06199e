import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singularize } from "./singularize";
import { toSnakeCase } from "./toSnakeCase";

describe("toSnakeCase", () => {
  it.each([
    ["createdAt", "created_at"],
    ["petDocuments", "pet_documents"],
    ["id", "id"],
    ["userID", "user_id"],
    ["HTTPServer", "http_server"],
    ["accessTokenExpiresAt", "access_token_expires_at"],
    ["labelsTasksLinks", "labels_tasks_links"],
    ["address2Line", "address2_line"],
    ["already_snake", "already_snake"],
  ])("%s → %s", (input, output) => {
    expect(toSnakeCase(input)).toBe(output);
  });

  it("is idempotent and yields lower-case identifiers", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,20}$/), (name) => {
        const snake = toSnakeCase(name);
        expect(toSnakeCase(snake)).toBe(snake);
        expect(snake).toMatch(/^[a-z0-9_]+$/);
      }),
    );
  });
});

describe("singularize", () => {
  it.each([
    ["tasks", "task"],
    ["projects", "project"],
    ["categories", "category"],
    ["statuses", "status"],
    ["boxes", "box"],
    ["addresses", "address"],
    ["matches", "match"],
    ["wishes", "wish"],
    ["status", "status"],
    ["analysis", "analysis"],
    ["people", "people"],
    ["petDocuments", "petDocument"],
    ["users", "user"],
    ["houses", "house"],
    ["s", "s"],
  ])("%s → %s", (input, output) => {
    expect(singularize(input)).toBe(output);
  });
});
