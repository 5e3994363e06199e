import { describe, expectTypeOf, it } from "vitest";
import type { Singular } from "../naming/singularize";
import type { ColumnBuilder } from "./ColumnBuilder";
import type { InferEnum } from "./defineEnum";
import type { ManyBuilder, OneBuilder } from "./RelationBuilder";
import { v } from "./v";

type Config<B> = B extends ColumnBuilder<infer C> ? C : never;

describe("builder types", () => {
  it("start nullable, without key or default", () => {
    expectTypeOf<Config<ReturnType<typeof v.string>>>().toEqualTypeOf<{
      readonly type: "string";
      readonly data: string;
      readonly notNull: false;
      readonly nullable: false;
      readonly primaryKey: false;
      readonly autoIncrement: false;
      readonly hasDefault: false;
    }>();
  });

  it("track modifiers", () => {
    expectTypeOf<Config<ReturnType<ReturnType<typeof v.int>["notNull"]>>["notNull"]>().toEqualTypeOf<true>();
    const key = v.int().primaryKey({ autoIncrement: true });
    expectTypeOf<Config<typeof key>["autoIncrement"]>().toEqualTypeOf<true>();
    expectTypeOf<Config<typeof key>["primaryKey"]>().toEqualTypeOf<true>();
    expectTypeOf<Config<typeof key>["notNull"]>().toEqualTypeOf<true>();
    const plainKey = v.int().primaryKey();
    expectTypeOf<Config<typeof plainKey>["autoIncrement"]>().toEqualTypeOf<false>();
    const reopened = v.string().notNull().nullable();
    expectTypeOf<Config<typeof reopened>["notNull"]>().toEqualTypeOf<false>();
    expectTypeOf<Config<typeof reopened>["nullable"]>().toEqualTypeOf<true>();
    const defaulted = v.date().defaultNow();
    expectTypeOf<Config<typeof defaulted>["hasDefault"]>().toEqualTypeOf<true>();
    const sqlDefault = v.int().default(1);
    expectTypeOf<Config<typeof sqlDefault>["hasDefault"]>().toEqualTypeOf<true>();
    const unchanged = v.int().unique().index().sql("n").references("users");
    expectTypeOf(unchanged).toEqualTypeOf(v.int());
    const uuidKey = v.uuid();
    expectTypeOf<Pick<Config<typeof uuidKey>, "primaryKey" | "notNull" | "hasDefault">>().toEqualTypeOf<{
      readonly primaryKey: true;
      readonly notNull: true;
      readonly hasDefault: true;
    }>();
    const plainUuid = v.uuid({ primaryKey: false });
    expectTypeOf<Pick<Config<typeof plainUuid>, "type" | "primaryKey" | "hasDefault">>().toEqualTypeOf<{
      readonly type: "uuid";
      readonly primaryKey: false;
      readonly hasDefault: false;
    }>();
  });

  it("type defaults by the column's value", () => {
    const status = v.enum(["a", "b"]);
    expectTypeOf(status.default).parameter(0).toEqualTypeOf<"a" | "b">();
    expectTypeOf(v.boolean().default).parameter(0).toEqualTypeOf<boolean>();
    expectTypeOf(v.array(v.int()).defaultFn).parameter(0).returns.toEqualTypeOf<number[]>();
  });

  it("allow defaultNow() on dates only", () => {
    expectTypeOf(v.date()).toExtend<ThisParameterType<ReturnType<typeof v.date>["defaultNow"]>>();
    expectTypeOf(v.int()).not.toExtend<ThisParameterType<ReturnType<typeof v.int>["defaultNow"]>>();
    expectTypeOf(v.string()).not.toExtend<ThisParameterType<ReturnType<typeof v.string>["defaultNow"]>>();
  });

  it("infer JSON and enum data", () => {
    expectTypeOf<Config<ReturnType<typeof v.number>>["data"]>().toEqualTypeOf<number>();
    const shape = v.object({
      a: v.int(),
      b: v.array(v.string().nullable()),
      c: v.object({ d: v.date() }).nullable(),
    });
    expectTypeOf<Config<typeof shape>["data"]>().toEqualTypeOf<{
      a: number;
      b: (string | null)[];
      c?: { d: Date } | null;
    }>();
    expectTypeOf<Config<ReturnType<typeof v.json<{ x: 1 }>>>["data"]>().toEqualTypeOf<{ x: 1 }>();
    const Status = v.defineEnum("status", ["open", "closed"]);
    expectTypeOf<InferEnum<typeof Status>>().toEqualTypeOf<"open" | "closed">();
    expectTypeOf<Config<ReturnType<typeof Status.column>>["data"]>().toEqualTypeOf<"open" | "closed">();
    expectTypeOf<Config<ReturnType<typeof Status.array>>["data"]>().toEqualTypeOf<("open" | "closed")[]>();
    expectTypeOf<Config<ReturnType<typeof v.enum<readonly ["x", "y"]>>>["data"]>().toEqualTypeOf<"x" | "y">();
    expectTypeOf(Status.is).guards.toEqualTypeOf<"open" | "closed">();
  });

  it("keep relation targets and options literal", () => {
    expectTypeOf(v.one("users")).toEqualTypeOf<OneBuilder<"users", {}>>();
    expectTypeOf(v.one("users", "authorId")).toEqualTypeOf<
      OneBuilder<"users", { readonly field: "authorId" }>
    >();
    expectTypeOf(v.one("users", { nullable: true })).toEqualTypeOf<
      OneBuilder<"users", { readonly nullable: true }>
    >();
    expectTypeOf(v.many("tasks", "ownerId")).toEqualTypeOf<
      ManyBuilder<"tasks", { readonly field: "ownerId" }>
    >();
  });
});

describe("Singular", () => {
  it("mirrors singularize()", () => {
    expectTypeOf<Singular<"tasks">>().toEqualTypeOf<"task">();
    expectTypeOf<Singular<"categories">>().toEqualTypeOf<"category">();
    expectTypeOf<Singular<"statuses">>().toEqualTypeOf<"status">();
    expectTypeOf<Singular<"boxes">>().toEqualTypeOf<"box">();
    expectTypeOf<Singular<"addresses">>().toEqualTypeOf<"address">();
    expectTypeOf<Singular<"status">>().toEqualTypeOf<"status">();
    expectTypeOf<Singular<"people">>().toEqualTypeOf<"people">();
    expectTypeOf<Singular<"houses">>().toEqualTypeOf<"house">();
    expectTypeOf<Singular<string>>().toEqualTypeOf<string>();
  });
});
