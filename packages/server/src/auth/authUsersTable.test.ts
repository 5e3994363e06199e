import { compileSchema, schema, table, v } from "@appflare/schema";
import { getTableColumns, getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authUsersTable } from "./authUsersTable";

const app = schema({ notes: table({ id: v.uuid(), owner: v.one("users") }) });
const compiled = compileSchema(app).tables.users!;
const model = app.model.tables.users!;

describe("authUsersTable", () => {
  it("returns the compiled table when every additional field already has a column", () => {
    expect(authUsersTable(compiled, model, undefined)).toBe(compiled);
    expect(authUsersTable(compiled, model, { role: { type: "string" } })).toBe(compiled);
  });

  it("adds a snake_case column per missing field, keeping the schema's columns", () => {
    const users = authUsersTable(compiled, model, {
      planName: { type: "string" },
      credits: { type: "number" },
      trial: { type: "boolean" },
      renewsAt: { type: "date" },
      tags: { type: "string[]" },
      tier: { type: ["free", "pro"] },
      legacy: { type: "string", fieldName: "legacyCode" },
    });
    expect(getTableName(users)).toBe("users");
    const columns = getTableColumns(users);
    expect(Object.keys(columns)).toEqual(
      expect.arrayContaining(["id", "email", "emailVerified", "banExpires"]),
    );
    const sql = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, [c.name, c.columnType]]));
    expect(sql).toMatchObject({
      emailVerified: ["email_verified", "SQLiteBoolean"],
      banExpires: ["ban_expires", "SQLiteTimestamp"],
      planName: ["plan_name", "SQLiteText"],
      credits: ["credits", "SQLiteReal"],
      trial: ["trial", "SQLiteBoolean"],
      renewsAt: ["renews_at", "SQLiteTimestamp"],
      tags: ["tags", "SQLiteTextJson"],
      tier: ["tier", "SQLiteText"],
      legacyCode: ["legacy_code", "SQLiteText"],
    });
  });

  it("names the field and the supported types for an unknown type", () => {
    expect(() => authUsersTable(compiled, model, { bad: { type: "bigint" } })).toThrow(
      /auth\.options\.user\.additionalFields\.bad: unsupported type "bigint"/,
    );
  });
});
