import { describe, expect, it } from "vitest";
import { v } from "./builders/v";
import { expectSchemaError, untyped } from "./resolve/expectSchemaError";
import { SchemaError } from "./SchemaError";
import { schema } from "./schema";
import { type Table, table } from "./table";

describe("SchemaError", () => {
  it("formats table, field and fix", () => {
    const error = new SchemaError({
      code: "invalid_column",
      table: "t",
      field: "f",
      problem: "bad",
      fix: "do x",
    });
    expect(error.message).toBe('Schema error in table "t", field "f": bad. Fix: do x');
    expect(error.name).toBe("SchemaError");
    expect(error).toBeInstanceOf(Error);
  });

  it("invalid_table: a value that is not table(...)", () => {
    expectSchemaError(() => schema(untyped({ tasks: { id: v.uuid() } })), {
      code: "invalid_table",
      table: "tasks",
      fix: "wrap the fields in table({...})",
    });
  });

  it("non_builder_field: a field that is not a builder", () => {
    expectSchemaError(() => schema({ tasks: table(untyped({ id: v.uuid(), title: "text" })) }), {
      code: "non_builder_field",
      table: "tasks",
      field: "title",
      mentions: ['string "text"'],
      fix: "use a column builder such as v.string()",
    });
    expectSchemaError(() => schema({ tasks: table(untyped({ id: v.uuid(), title: v.string })) }), {
      code: "non_builder_field",
      table: "tasks",
      field: "title",
      mentions: ["forget the call parentheses"],
      fix: "use a column builder",
    });
  });

  it("non_builder_field: a relation inside JSON", () => {
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), meta: v.object(untyped({ owner: v.one("users") })) }) }),
      {
        code: "non_builder_field",
        table: "tasks",
        field: "meta",
        mentions: ['"meta.owner"'],
        fix: "use v.string()",
      },
    );
  });

  it("auth_table_defined: defining a built-in auth table", () => {
    expectSchemaError(() => schema({ users: table({ id: v.uuid() }) }), {
      code: "auth_table_defined",
      table: "users",
      mentions: ["built-in auth table"],
      fix: 'remove "users" from schema({...}) and reference it with v.one("users")',
    });
  });

  it("missing_primary_key: no key", () => {
    expectSchemaError(() => schema({ notes: table({ body: v.string() }) }), {
      code: "missing_primary_key",
      table: "notes",
      fix: "add `id: v.uuid()` or `id: v.int().primaryKey({ autoIncrement: true })`",
    });
  });

  it("multiple_primary_keys: two keys", () => {
    expectSchemaError(() => schema({ notes: table({ id: v.uuid(), code: v.string().primaryKey() }) }), {
      code: "multiple_primary_keys",
      table: "notes",
      field: "code",
      mentions: ['"id", "code"'],
      fix: "keep one .primaryKey()",
    });
  });

  it("invalid_primary_key: unsupported key type, nullable key, autoIncrement on text", () => {
    expectSchemaError(() => schema({ notes: table({ at: v.date().primaryKey() }) }), {
      code: "invalid_primary_key",
      table: "notes",
      field: "at",
      fix: "use v.uuid()",
    });
    expectSchemaError(() => schema({ notes: table({ id: v.uuid().nullable() }) }), {
      code: "invalid_primary_key",
      table: "notes",
      field: "id",
      fix: "remove .nullable()",
    });
    expectSchemaError(
      () => schema({ notes: table({ id: v.string().primaryKey({ autoIncrement: true }) }) }),
      {
        code: "invalid_primary_key",
        table: "notes",
        field: "id",
        fix: "use v.int().primaryKey({ autoIncrement: true })",
      },
    );
  });

  it("invalid_column: misuse of a column builder", () => {
    expectSchemaError(() => schema({ notes: table({ id: v.uuid(), kind: v.enum(untyped([])) }) }), {
      code: "invalid_column",
      table: "notes",
      field: "kind",
      fix: "pass the values",
    });
    expectSchemaError(() => schema({ notes: table({ id: v.uuid(), tags: v.array(v.string().unique()) }) }), {
      code: "invalid_column",
      table: "notes",
      field: "tags",
      mentions: ['"tags[]"'],
      fix: "inside JSON only .nullable() applies",
    });
    const at: { defaultNow(): ReturnType<typeof v.int> } = untyped(v.int());
    expectSchemaError(() => schema({ notes: table({ id: v.uuid(), at: at.defaultNow() }) }), {
      code: "invalid_column",
      table: "notes",
      field: "at",
      fix: "use v.date().defaultNow()",
    });
    expectSchemaError(
      () => schema({ notes: table({ id: v.uuid(), kind: v.enum(["a", "b"]).default(untyped("c")) }) }),
      { code: "invalid_column", table: "notes", field: "kind", fix: 'use one of "a", "b"' },
    );
  });

  it("duplicate_sql_name: tables, columns and index names", () => {
    expectSchemaError(() => schema({ petDocs: table({ id: v.uuid() }), pet_docs: table({ id: v.uuid() }) }), {
      code: "duplicate_sql_name",
      table: "pet_docs",
      mentions: ['"petDocs"'],
      fix: "pass table(..., { sqlName",
    });
    expectSchemaError(
      () => schema({ notes: table({ id: v.uuid(), createdAt: v.date(), created_at: v.date() }) }),
      {
        code: "duplicate_sql_name",
        table: "notes",
        field: "created_at",
        fix: 'rename the field or pass .sql("<other name>")',
      },
    );
    expectSchemaError(
      () =>
        schema({
          a: table({ id: v.uuid(), x: v.int().index("same") }),
          b: table({ id: v.uuid(), y: v.int().index("same") }),
        }),
      {
        code: "duplicate_sql_name",
        table: "b",
        field: "y",
        mentions: ['"a.x"'],
        fix: "pass a distinct name",
      },
    );
    expectSchemaError(
      () =>
        schema({
          notes: table(
            { id: v.uuid(), body: v.string() },
            {
              checks: [
                { name: "c", sql: "1" },
                { name: "c", sql: "2" },
              ],
            },
          ),
        }),
      { code: "duplicate_sql_name", table: "notes", field: "c", fix: "give each check its own name" },
    );
  });

  it("duplicate_enum_name: two enums with one name", () => {
    const A = v.defineEnum("state", ["a", "b"]);
    const B = v.defineEnum("state", ["x"]);
    expectSchemaError(() => schema({ notes: table({ id: v.uuid(), one: A.column(), two: B.column() }) }), {
      code: "duplicate_enum_name",
      table: "notes",
      field: "two",
      mentions: ["notes.one"],
      fix: "define the enum once",
    });
  });

  it("unknown_index_column: an index on a column that does not exist", () => {
    expectSchemaError(
      () => schema({ notes: table({ id: v.uuid(), body: v.string() }, { indexes: [{ columns: ["bdy"] }] }) }),
      {
        code: "unknown_index_column",
        table: "notes",
        field: "bdy",
        fix: 'use the field names of the table\'s columns: "id", "body"',
      },
    );
  });

  it("unknown_check_column: a check on a column that does not exist", () => {
    expectSchemaError(
      () =>
        schema({
          notes: table(
            { id: v.uuid(), body: v.string() },
            { checks: [{ name: "len", sql: "length(bdy) > 0" }] },
          ),
        }),
      {
        code: "unknown_check_column",
        table: "notes",
        field: "bdy",
        mentions: ['"len"'],
        fix: "use the SQL names",
      },
    );
    expectSchemaError(
      () =>
        schema({
          notes: table(
            { id: v.uuid(), createdAt: v.date() },
            { checks: [{ name: "past", sql: "createdAt > 0" }] },
          ),
        }),
      {
        code: "unknown_check_column",
        table: "notes",
        field: "createdAt",
        fix: 'write the SQL name "created_at"',
      },
    );
  });

  it("errors are thrown by schema(), i.e. when the schema module loads", () => {
    const broken: Table = table(untyped({ id: 1 }));
    expect(() => schema({ broken })).toThrow(SchemaError);
  });
});
