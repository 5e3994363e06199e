import { describe, expect, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import { checkColumns } from "./checkColumns";
import { expectSchemaError } from "./expectSchemaError";

const Level = v.defineEnum("level", ["low", "high"]);

const s = schema({
  items: table({
    id: v.uuid(),
    code: v.string({ length: 12 }).notNull().unique(),
    status: v.enum(["open", "it's done"]).notNull(),
    level: Level.column(),
    flags: v.enumArray(["a,b", 'q"x', "c"]).notNull().default([]),
    note: v.string(),
  }),
  parts: table({ id: v.uuid(), item: v.one("items", { field: "itemCode", referenceField: "code" }) }),
});

const checks = (name: string) => s.model.tables[name]?.checks ?? [];

describe("generated CHECK constraints (enum values, enumArray elements, string length)", () => {
  it("names each after its table and column, in column order", () => {
    expect(checks("items").map((check) => check.name)).toEqual([
      "items_code_length",
      "items_status_enum",
      "items_level_enum",
      "items_flags_enum",
    ]);
    // A FK takes the referenced column's length, so it is checked the same way.
    expect(checks("parts").map((check) => check.name)).toEqual(["parts_item_code_length"]);
    expect(checks("users")).toEqual([]);
  });

  it("writes the values as escaped SQL literals", () => {
    const sql = Object.fromEntries(checks("items").map((check) => [check.name, check.sql]));
    expect(sql.items_code_length).toBe('length("code") <= 12');
    expect(sql.items_status_enum).toBe(`"status" IN ('open', 'it''s done')`);
    expect(sql.items_level_enum).toBe(`"level" IN ('low', 'high')`);
    // Each member's JSON spelling with its commas doubled, one comma either side.
    expect(sql.items_flags_enum).toContain(`',"a,,b",'`);
    expect(sql.items_flags_enum).toContain(`',"q\\"x",'`);
    expect(sql.items_flags_enum).toMatch(/^CASE WHEN "flags" IS NULL THEN 1 /);
  });

  it("references only its own column", () => {
    for (const check of checks("items")) {
      const column = check.name.replace(/^items_/, "").replace(/_(enum|length)$/, "");
      expect(new Set(checkColumns(check.sql)), check.name).toEqual(new Set([column]));
    }
  });

  it("refuses a declared check that takes a generated check's name", () => {
    expectSchemaError(
      () =>
        schema({
          items: table(
            { id: v.uuid(), status: v.enum(["a", "b"]) },
            { checks: [{ name: "items_status_enum", sql: "status <> 'c'" }] },
          ),
        }),
      {
        code: "duplicate_sql_name",
        table: "items",
        field: "items_status_enum",
        mentions: ["enum values or length"],
        fix: "give each check its own name",
      },
    );
  });

  it("refuses an enumArray too large for D1's expression depth, naming the limit", () => {
    const values = Array.from({ length: 65 }, (_, i) => `v${i}`) as [string, ...string[]];
    expectSchemaError(() => schema({ items: table({ id: v.uuid(), tags: v.enumArray(values) }) }), {
      code: "invalid_column",
      table: "items",
      field: "tags",
      mentions: ["at most 64 values", "this one has 65"],
      fix: "use fewer values, or a v.manyToMany to a table that lists them",
    });
    expect(() =>
      schema({ items: table({ id: v.uuid(), tags: v.enumArray(values.slice(1) as [string, ...string[]]) }) }),
    ).not.toThrow();
  });
});
