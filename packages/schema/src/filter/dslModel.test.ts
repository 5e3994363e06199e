/**
 * The filter model against a TableModel built by the real DSL (`schema()`), not the hand-written
 * fixture: the docs/schema.md example schema, including the auth and junction tables it synthesizes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowArbitrary, whereArbitrary } from "../../test/arbitraries";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import { evaluateWhere } from "./evaluateWhere";
import { normalizeWhere } from "./normalizeWhere";
import { RelationDataNeededError } from "./RelationDataNeededError";
import { validateWhere } from "./validateWhere";

const app = schema({
  projects: table(
    {
      id: v.uuid(),
      name: v.string().notNull(),
      slug: v.string().notNull().unique(),
      status: v.enum(["active", "archived"]).notNull().default("active"),
      tags: v.array(v.string()),
      settings: v.object({ color: v.string(), public: v.boolean() }),
      budget: v.real(),
      createdAt: v.date().defaultNow(),
      owner: v.one("users"),
      tasks: v.many("tasks"),
    },
    { indexes: [{ columns: ["status", "createdAt"] }] },
  ),
  tasks: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    title: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    project: v.one("projects", { onDelete: "cascade" }),
    assignee: v.one("users", { nullable: true, onDelete: "set null" }),
    labels: v.manyToMany("labels"),
  }),
  labels: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull().unique(),
    tasks: v.manyToMany("tasks"),
  }),
});
const tables = app.model.tables;

describe("filter model on a DSL-built schema", () => {
  it("validates and evaluates wheres on inferred FKs, relations and JSON columns", () => {
    const tasks = tables.tasks!;
    validateWhere(tasks, {
      projectId: "p1",
      assigneeId: null,
      labels: { name: "bug" },
      project: { tags: { includes: ["x"] } },
    });
    expect(() => validateWhere(tables.projects!, { settings: { includes: ["x"] } })).toThrow(
      /holds a JSON object/,
    );
    const row = {
      id: 1,
      title: "t",
      done: false,
      projectId: "p1",
      assigneeId: null,
      labels: [{ id: 1, name: "bug" }],
    };
    expect(evaluateWhere(tasks, { labels: { name: "bug" }, done: false }, row)).toBe(true);
    expect(evaluateWhere(tasks, { assigneeId: { ne: null } }, row)).toBe(false);
    expect(normalizeWhere(tables.projects!, { createdAt: { gte: "2024-01-01" } })).toEqual({
      createdAt: { gte: Date.UTC(2024, 0, 1) },
    });
  });

  it.each(Object.keys(tables))(
    "not p = NOT(p) on table %s",
    (name) => {
      const model = tables[name]!;
      fc.assert(
        fc.property(
          whereArbitrary(model, { depth: 2 }),
          rowArbitrary(model, { relationDepth: 1 }),
          (where, row) => {
            const run = (w: unknown) => {
              try {
                return evaluateWhere(model, w, row);
              } catch (error) {
                if (error instanceof RelationDataNeededError) return "needs";
                throw error;
              }
            };
            const p = run(where);
            expect(run({ not: where })).toBe(p === true ? false : p === false ? true : p);
            expect(normalizeWhere(model, normalizeWhere(model, where))).toEqual(normalizeWhere(model, where));
          },
        ),
        { numRuns: 300 },
      );
    },
    60_000,
  );
});
