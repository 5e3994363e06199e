import { compileSchema, schema, table, v, withUserFields } from "@appflare/schema";
import { getTableColumns, getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { betterAuthTables } from "./betterAuthTables";

const app = schema({ notes: table({ id: v.uuid(), owner: v.one("users") }) });

describe("betterAuthTables", () => {
  it("hands over the schema's auth tables as they are when users has no JSON column", () => {
    const compiled = compileSchema(withUserFields(app, { plan: { type: "string" } }));
    const tables = betterAuthTables(compiled);
    expect(tables.users).toBe(compiled.tables.users);
    expect(tables.sessions).toBe(compiled.tables.sessions);
    expect(Object.keys(getTableColumns(tables.users))).toContain("plan");
  });

  it("passes JSON text through on users' JSON columns (Better Auth encodes those values itself)", () => {
    const compiled = compileSchema(
      withUserFields(app, { tags: { type: "string[]" }, plan: { type: "string" } }),
    );
    const { users } = betterAuthTables(compiled);
    expect(users).not.toBe(compiled.tables.users);
    expect(getTableName(users)).toBe("users");
    const columns = getTableColumns(users);
    expect(Object.keys(columns)).toEqual(Object.keys(getTableColumns(compiled.tables.users!)));
    expect(columns.tags?.name).toBe("tags");
    expect(columns.tags?.mapToDriverValue('["a"]')).toBe('["a"]');
    expect(columns.tags?.mapFromDriverValue('["a"]')).toBe('["a"]');
    expect((users as unknown as Record<string, unknown>).tags).toBe(columns.tags);
    // Other columns and the compiled schema itself are untouched.
    expect(columns.plan).toBe(getTableColumns(compiled.tables.users!).plan);
    expect(getTableColumns(compiled.tables.users!).tags?.mapToDriverValue(["a"])).toBe('["a"]');
  });
});
