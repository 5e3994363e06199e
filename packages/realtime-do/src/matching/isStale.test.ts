import { getSchemaModel, normalizeWhere } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import schema from "../../test/app/schema";
import type { RealtimeEvent, RealtimeRead } from "../RealtimeExecutor";
import { isStale } from "./isStale";

const model = getSchemaModel(schema);
const where = (w: object) => normalizeWhere(model.tables.tasks!, w) as unknown;
const task = (o: Record<string, unknown>) => ({
  id: 1,
  title: "t",
  done: false,
  priority: 0,
  projectId: 1,
  assigneeId: null,
  ...o,
});
const update = (before: object, after: object): RealtimeEvent => ({
  kind: "update",
  table: "tasks",
  before: [task(before as Record<string, unknown>)],
  after: [task(after as Record<string, unknown>)],
});

describe("isStale", () => {
  const openInProject1: RealtimeRead[] = [{ table: "tasks", where: where({ projectId: 1, done: false }) }];

  it("re-runs when the before or the after row satisfies the read's where", () => {
    // Leaves the result: the before-row matched.
    expect(isStale(model, openInProject1, update({ done: false }, { done: true }))).toBe(true);
    // Enters the result: the after-row matches.
    expect(isStale(model, openInProject1, update({ projectId: 2 }, { projectId: 1 }))).toBe(true);
  });

  it("does not re-run when neither image satisfies it, or the table differs", () => {
    expect(isStale(model, openInProject1, update({ projectId: 2 }, { projectId: 2, title: "x" }))).toBe(
      false,
    );
    expect(isStale(model, openInProject1, update({ done: true }, { done: true, title: "x" }))).toBe(false);
    const other: RealtimeEvent = {
      kind: "insert",
      table: "projects",
      before: [],
      after: [{ id: 1, name: "p" }],
    };
    expect(isStale(model, openInProject1, other)).toBe(false);
  });

  it("inserts and deletes are judged on their one image", () => {
    const insert: RealtimeEvent = {
      kind: "insert",
      table: "tasks",
      before: [],
      after: [task({ projectId: 1 })],
    };
    const del: RealtimeEvent = {
      kind: "delete",
      table: "tasks",
      before: [task({ projectId: 3 })],
      after: [],
    };
    expect(isStale(model, openInProject1, insert)).toBe(true);
    expect(isStale(model, openInProject1, del)).toBe(false);
  });

  it("a null where (relation filter, unkeyed load) matches any row of its table", () => {
    const reads: RealtimeRead[] = [{ table: "projects", where: null }];
    expect(
      isStale(model, reads, {
        kind: "update",
        table: "projects",
        before: [{ id: 9, name: "a" }],
        after: [{ id: 9, name: "b" }],
      }),
    ).toBe(true);
  });

  it("an unknown read (ctx.$db) re-runs on every event", () => {
    expect(
      isStale(model, [{ unknown: true }], {
        kind: "insert",
        table: "labels",
        before: [],
        after: [{ id: 1, name: "l" }],
      }),
    ).toBe(true);
  });

  it("a where that needs relation data the row lacks counts as a match", () => {
    const reads: RealtimeRead[] = [{ table: "tasks", where: where({ project: { name: "Site" } }) }];
    expect(isStale(model, reads, update({}, { title: "changed" }))).toBe(true);
  });

  it("a where the evaluator cannot judge (stored before a schema change) counts as a match", () => {
    const reads: RealtimeRead[] = [{ table: "tasks", where: { removedColumn: { eq: 1 } } }];
    expect(isStale(model, reads, update({}, { title: "y" }))).toBe(true);
  });

  it("a write that leaves its rows as they were changes nothing, whatever it matched", () => {
    expect(isStale(model, openInProject1, update({ done: false }, { done: false }))).toBe(false);
    expect(isStale(model, [{ unknown: true }], update({}, {}))).toBe(false);
    // Same rows in another order: still unchanged. One differing row: a change.
    const a = task({ id: 1 });
    const b = task({ id: 2 });
    expect(
      isStale(model, openInProject1, { kind: "update", table: "tasks", before: [a, b], after: [b, a] }),
    ).toBe(false);
    expect(
      isStale(model, openInProject1, {
        kind: "update",
        table: "tasks",
        before: [a, b],
        after: [a, { ...b, done: true }],
      }),
    ).toBe(true);
  });

  it("limits do not narrow: any matching row may enter or leave the window", () => {
    // A read records its where only; a row far outside a limit-1 window still matches it.
    const reads: RealtimeRead[] = [{ table: "tasks", where: where({ done: false }) }];
    expect(isStale(model, reads, update({ id: 999 }, { id: 999, priority: 3 }))).toBe(true);
  });
});
