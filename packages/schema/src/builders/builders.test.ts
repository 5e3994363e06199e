import { describe, expect, it } from "vitest";
import { isColumnBuilder } from "./ColumnBuilder";
import { isRelationBuilder } from "./RelationBuilder";
import { v } from "./v";

describe("column builders", () => {
  it("are immutable: each modifier returns a new builder", () => {
    const base = v.string();
    const required = base.notNull();
    expect(required).not.toBe(base);
    expect(base["~state"].notNull).toBe(false);
    expect(required["~state"].notNull).toBe(true);
    expect(Object.isFrozen(base["~state"])).toBe(true);
  });

  it("record every modifier", () => {
    const fn = () => "x";
    const state = v
      .string({ length: 20 })
      .notNull()
      .unique("u_name")
      .index()
      .defaultFn(fn)
      .references("users", "id", { onDelete: "cascade" })
      .sql("legacy")["~state"];
    expect(state).toMatchObject({
      type: "string",
      length: 20,
      notNull: true,
      unique: "u_name",
      index: true,
      defaultFn: fn,
      references: { table: "users", column: "id", onDelete: "cascade" },
      sqlName: "legacy",
    });
    expect(state.modifiers).toEqual(["notNull", "unique", "index", "defaultFn", "references", "sql"]);
  });

  it("nullable() undoes notNull() and primaryKey() implies NOT NULL", () => {
    expect(v.int().notNull().nullable()["~state"]).toMatchObject({ notNull: false, nullable: true });
    expect(v.int().primaryKey({ autoIncrement: true })["~state"]).toMatchObject({
      primaryKey: true,
      notNull: true,
      autoIncrement: true,
    });
  });

  it("default() stores an SQL default and defaultNow() a Date factory", () => {
    expect(v.boolean().default(false)["~state"]).toMatchObject({ hasSqlDefault: true, sqlDefault: false });
    const now = v.date().defaultNow()["~state"].defaultFn?.();
    expect(now).toBeInstanceOf(Date);
  });

  it("v.number is v.int, v.uuid is a primary key unless told otherwise", () => {
    expect(v.number()["~state"].type).toBe("int");
    expect(v.uuid()["~state"]).toMatchObject({ type: "uuid", primaryKey: true, notNull: true });
    expect(v.uuid({ primaryKey: false })["~state"]).toMatchObject({ type: "uuid", primaryKey: false });
  });

  it("enums keep their values, defineEnum its name", () => {
    expect(v.enum(["a", "b"])["~state"].enumValues).toEqual(["a", "b"]);
    expect(v.enumArray(["a"])["~state"].type).toBe("enumArray");
    const Status = v.defineEnum("status", ["open", "closed"]);
    expect(Status.column()["~state"]).toMatchObject({
      type: "enum",
      enumName: "status",
      enumValues: ["open", "closed"],
    });
    expect(Status.array()["~state"]).toMatchObject({ type: "enumArray", enumName: "status" });
    expect(v.enum(Status)["~state"].enumName).toBe("status");
    expect(Status.is("open")).toBe(true);
    expect(Status.is("nope")).toBe(false);
  });

  it("JSON builders keep their element and shape", () => {
    const element = v.string();
    expect(v.array(element)["~state"]).toMatchObject({ type: "json", element });
    const shape = v.object({ a: v.int() })["~state"].shape;
    expect(shape && isColumnBuilder(shape.a)).toBe(true);
    expect(v.json()["~state"].type).toBe("json");
  });
});

describe("relation builders", () => {
  it("take a field name or options", () => {
    expect(v.one("users")).toMatchObject({ "~kind": "one", target: "users", options: {} });
    expect(v.one("users", "ownerId").options).toEqual({ field: "ownerId" });
    expect(v.many("tasks", { relationName: "x" }).options).toEqual({ relationName: "x" });
    expect(v.manyToMany("labels", { junctionTable: "j" })).toMatchObject({ "~kind": "manyToMany" });
  });

  it("are recognised structurally", () => {
    expect(isRelationBuilder(v.one("users"))).toBe(true);
    expect(isRelationBuilder(v.string())).toBe(false);
    expect(isColumnBuilder(v.one("users"))).toBe(false);
    expect(isColumnBuilder({ "~kind": "column" })).toBe(true);
    expect(isColumnBuilder(null)).toBe(false);
  });
});
