import { describe, expect, it } from "vitest";
import { v } from "./builders/v";
import { apiExample } from "./resolve/apiExample";
import { getSchemaModel, isSchema, schema } from "./schema";
import { table } from "./table";

describe("schema()", () => {
  it("returns a frozen schema value with its model", () => {
    const s = apiExample();
    expect(isSchema(s)).toBe(true);
    expect(isSchema({})).toBe(false);
    expect(getSchemaModel(s)).toBe(s.model);
    expect(Object.isFrozen(s.model.tables)).toBe(true);
    expect(Object.keys(s.model.tables)).toEqual([
      "projects",
      "tasks",
      "labels",
      "users",
      "sessions",
      "accounts",
      "verifications",
      "labelsTasksLinks",
    ]);
    const projects = s.model.tables.projects;
    expect(projects?.schema).toBe(s.model);
    expect(projects?.origin).toBe("user");
    expect(s.model.tables.users?.origin).toBe("auth");
    expect(s.model.tables.labelsTasksLinks?.origin).toBe("junction");
  });

  it("resolves columns: nullability, keys, defaults, SQL names, JSON shapes", () => {
    const projects = apiExample().model.tables.projects;
    expect(projects?.primaryKey).toBe("id");
    expect(projects?.columns.id).toMatchObject({ type: "uuid", primaryKey: true, notNull: true });
    expect(projects?.columns.id?.defaultFn?.()).toMatch(/^[0-9a-f-]{36}$/);
    expect(projects?.columns.name?.notNull).toBe(true);
    expect(projects?.columns.budget).toMatchObject({ type: "real", notNull: false });
    expect(projects?.columns.status).toMatchObject({ hasSqlDefault: true, sqlDefault: "active" });
    expect(projects?.columns.slug?.unique).toBe("projects_slug_unique");
    expect(projects?.columns.createdAt).toMatchObject({
      sqlName: "created_at",
      notNull: false,
      hasSqlDefault: false,
    });
    expect(projects?.columns.createdAt?.defaultFn?.()).toBeInstanceOf(Date);
    expect(projects?.columns.tags?.json).toEqual({ kind: "array", element: { kind: "string" } });
    expect(projects?.columns.settings?.json).toEqual({
      kind: "object",
      shape: { color: { kind: "string" }, public: { kind: "boolean" } },
    });
    expect(projects?.indexes).toEqual([
      { name: "projects_status_created_at_idx", columns: ["status", "createdAt"], unique: false },
    ]);
  });

  it("includes the Better Auth tables with the admin plugin fields", () => {
    const { tables } = apiExample().model;
    expect(Object.keys(tables.users?.columns ?? {})).toEqual([
      "id",
      "name",
      "email",
      "emailVerified",
      "image",
      "createdAt",
      "updatedAt",
      "role",
      "banned",
      "banReason",
      "banExpires",
    ]);
    expect(tables.users?.columns.email?.unique).toBe("users_email_unique");
    expect(tables.users?.columns.banExpires?.type).toBe("date");
    expect(Object.keys(tables.sessions?.columns ?? {})).toEqual([
      "id",
      "expiresAt",
      "token",
      "createdAt",
      "updatedAt",
      "ipAddress",
      "userAgent",
      "userId",
      "impersonatedBy",
    ]);
    expect(tables.sessions?.columns.userId?.references).toEqual({
      table: "users",
      column: "id",
      onDelete: "cascade",
    });
    expect(Object.keys(tables.accounts?.columns ?? {})).toEqual([
      "id",
      "accountId",
      "providerId",
      "userId",
      "accessToken",
      "refreshToken",
      "idToken",
      "accessTokenExpiresAt",
      "refreshTokenExpiresAt",
      "scope",
      "password",
      "createdAt",
      "updatedAt",
    ]);
    expect(Object.keys(tables.verifications?.columns ?? {})).toEqual([
      "id",
      "identifier",
      "value",
      "expiresAt",
      "createdAt",
      "updatedAt",
    ]);
    expect(tables.users?.relations.sessions).toMatchObject({
      kind: "many",
      targetField: "userId",
      inverse: "user",
    });
    expect(Object.values(tables).map((table) => table.sqlName)).toContain("verifications");
  });

  it("honours .sql() and sqlName overrides and names constraints after SQL names", () => {
    const s = schema({
      petDocuments: table(
        {
          id: v.uuid(),
          fileName: v.string().sql("file").unique(),
          kind: v.string().index("doc_kind"),
        },
        {
          sqlName: "docs",
          indexes: [{ columns: ["fileName", "kind"], unique: true }],
          checks: [{ name: "file_not_empty", sql: "length(\"file\") > 0 AND kind <> 'x'" }],
        },
      ),
    });
    const table_ = s.model.tables.petDocuments;
    expect(table_?.sqlName).toBe("docs");
    expect(table_?.columns.fileName).toMatchObject({ sqlName: "file", unique: "docs_file_unique" });
    expect(table_?.columns.kind?.index).toBe("doc_kind");
    expect(table_?.indexes).toEqual([
      { name: "docs_file_kind_unique", columns: ["fileName", "kind"], unique: true },
    ]);
    expect(table_?.checks).toEqual([{ name: "file_not_empty", sql: "length(\"file\") > 0 AND kind <> 'x'" }]);
  });

  it("keeps defineEnum names and nested nullability in the model", () => {
    const Status = v.defineEnum("status", ["open", "closed"]);
    const s = schema({
      issues: table({
        id: v.uuid(),
        status: Status.column().notNull(),
        history: Status.array(),
        meta: v.object({ note: v.string().nullable(), items: v.array(v.object({ at: v.date() })) }),
      }),
      tickets: table({ id: v.uuid(), status: v.enum(Status) }),
    });
    expect(s.model.tables.issues?.columns.status).toMatchObject({
      enumName: "status",
      enumValues: ["open", "closed"],
    });
    expect(s.model.tables.issues?.columns.history?.json).toEqual({
      kind: "array",
      element: { kind: "enum", values: ["open", "closed"] },
    });
    expect(s.model.tables.issues?.columns.meta?.json).toEqual({
      kind: "object",
      shape: {
        note: { kind: "string", nullable: true },
        items: { kind: "array", element: { kind: "object", shape: { at: { kind: "date" } } } },
      },
    });
  });

  it("gives every primary key a runtime default except INTEGER keys", () => {
    const s = schema({
      a: table({ id: v.string().primaryKey() }),
      b: table({ id: v.int().primaryKey() }),
      c: table({ id: v.string().primaryKey().default("x") }),
    });
    expect(typeof s.model.tables.a?.columns.id?.defaultFn).toBe("function");
    expect(s.model.tables.b?.columns.id?.defaultFn).toBeUndefined();
    expect(s.model.tables.c?.columns.id?.defaultFn).toBeUndefined();
  });
});
