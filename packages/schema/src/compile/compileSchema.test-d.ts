import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import type { Insert, Row } from "../types/Row";
import type { RelationNames, RelationTarget } from "../types/relations";
import type { AnySchema, TableNames } from "../types/schemaTables";
import { compileSchema } from "./compileSchema";

const s = schema({
  projects: table({ id: v.uuid(), name: v.string().notNull(), tasks: v.many("tasks") }),
  tasks: table({ id: v.int().primaryKey(), done: v.boolean().default(false), project: v.one("projects") }),
});
type S = typeof s;

describe("compileSchema types", () => {
  const compiled = compileSchema(s);

  it("types the Zod schemas of every table by Row/Insert", () => {
    expectTypeOf<keyof typeof compiled.zod>().toEqualTypeOf<TableNames<S>>();
    expectTypeOf<z.output<typeof compiled.zod.tasks.select>>().toEqualTypeOf<Row<S, "tasks">>();
    expectTypeOf<z.output<typeof compiled.zod.tasks.insert>>().toEqualTypeOf<Insert<S, "tasks">>();
    expectTypeOf<z.output<typeof compiled.zod.tasks.update>>().toEqualTypeOf<Partial<Insert<S, "tasks">>>();
    expectTypeOf<z.output<typeof compiled.zod.users.select>["email"]>().toEqualTypeOf<string>();
  });

  it("supports code generic over the schema, as the server writes it", () => {
    function firstRow<Sc extends AnySchema, T extends TableNames<Sc>>(
      _schema: Sc,
      _table: T,
    ): Row<Sc, T> | null {
      return null;
    }
    function targets<Sc extends AnySchema, T extends TableNames<Sc>, R extends RelationNames<Sc, T>>(
      _schema: Sc,
      _table: T,
      _relation: R,
    ): Row<Sc, RelationTarget<Sc, T, R>>[] {
      return [];
    }
    expectTypeOf(firstRow(s, "tasks")).toEqualTypeOf<Row<S, "tasks"> | null>();
    expectTypeOf(targets(s, "tasks", "project")).toEqualTypeOf<Row<S, "projects">[]>();
    expectTypeOf(targets(s, "projects", "tasks")).toEqualTypeOf<
      { id: number; done: boolean; projectId: string }[]
    >();
  });
});
