import type { Row } from "@appflare/schema";
import { describe, expectTypeOf, it } from "vitest";
import type schemaValue from "../../../test/boardSchema";
import { decrement, increment, now, raw } from "../operators";
import type { Db } from "./TableClient";
import type { DeleteArgs, InsertArgs, InsertValues, UpdateArgs, UpsertArgs } from "./writeTypes";

type S = typeof schemaValue;
declare const db: Db<S>;
declare const projectId: string;
declare const ownerId: string;

describe("write types", () => {
  it("insert returns rows of the table, single or many", () => {
    expectTypeOf(db.tasks.insert({ values: { title: "a", projectId } })).toEqualTypeOf<
      Promise<Row<S, "tasks">[]>
    >();
    expectTypeOf(db.tasks.insert({ values: [{ title: "a", projectId }] })).resolves.toEqualTypeOf<
      Row<S, "tasks">[]
    >();
  });

  it("insert requires required columns and refuses unknown fields and wrong types", () => {
    // @ts-expect-error title is required
    db.tasks.insert({ values: { projectId } });
    // @ts-expect-error unknown field
    db.tasks.insert({ values: { title: "a", projectId, titel: "x" } });
    // @ts-expect-error done is a boolean
    db.tasks.insert({ values: { title: "a", projectId, done: "yes" } });
    // @ts-expect-error operators are for update/upsert
    db.tasks.insert({ values: { title: "a", projectId, estimateHours: increment() } });
  });

  it("insert takes nested relation inputs: one (key or object), many (keys or children without their FK), manyToMany", () => {
    db.tasks.insert({ values: { title: "a", project: projectId } });
    db.tasks.insert({ values: { title: "a", project: { name: "p", slug: "p", ownerId } } });
    db.projects.insert({ values: { name: "p", slug: "p", ownerId, tasks: [1, { title: "child" }] } });
    db.tasks.insert({
      values: { title: "a", projectId, subtasks: [{ title: "s", projectId }], labels: [1, { name: "new" }] },
    });
    // @ts-expect-error the parent sets a nested child's FK
    db.projects.insert({ values: { name: "p", slug: "p", ownerId, tasks: [{ title: "c", projectId }] } });
    // @ts-expect-error task ids are numbers
    db.projects.insert({ values: { name: "p", slug: "p", ownerId, tasks: ["1"] } });
    // @ts-expect-error project is not nullable
    db.tasks.insert({ values: { title: "a", project: null } });
    db.tasks.insert({ values: { title: "a", projectId, assignee: null } });
    expectTypeOf<InsertValues<S, "labels">>().toHaveProperty("tasks");
  });

  it("update needs a where or allowAll, and types set values and operators per column", () => {
    db.tasks.update({
      where: { id: 1 },
      set: { done: true, estimateHours: increment(2), dueAt: now(), title: raw("upper(title)") },
    });
    db.tasks.update({ allowAll: true, set: { estimateHours: decrement() } });
    db.tasks.update({ where: { id: 1 }, set: { labels: [1, { name: "n" }] } });
    db.tasks.update({ where: { id: 1 }, set: { labels: { items: [2], mode: "overwrite" } } });
    db.tasks.update({ where: { id: 1 }, set: { project: projectId }, limit: 1, expectRows: { min: 1 } });
    // @ts-expect-error neither where nor allowAll
    db.tasks.update({ set: { done: true } });
    // @ts-expect-error increment on a boolean
    db.tasks.update({ where: { id: 1 }, set: { done: increment() } });
    // @ts-expect-error now() on an enum column
    db.tasks.update({ where: { id: 1 }, set: { priority: now() } });
    // @ts-expect-error unknown mode
    db.tasks.update({ where: { id: 1 }, set: { labels: { items: [], mode: "replace" } } });
    // @ts-expect-error where on an unknown field
    db.tasks.update({ where: { nope: 1 }, set: { done: true } });
    expectTypeOf<UpdateArgs<S, "tasks">>().not.toBeAny();
  });

  it("upsert targets columns; delete mirrors update's target rules", () => {
    db.labels.upsert({ values: { name: "bug" }, target: "name", set: { color: raw(`excluded."color"`) } });
    db.labels.upsert({ values: [{ name: "a" }, { name: "b" }], target: ["name"], expectRows: 0 });
    // @ts-expect-error unknown target column
    db.labels.upsert({ values: { name: "bug" }, target: "nope" });
    // @ts-expect-error upsert takes no nested writes
    db.labels.upsert({ values: { name: "bug", tasks: [1] } });
    db.tasks.delete({ where: { done: true }, limit: 10, expectRows: { max: 10 } });
    db.tasks.delete({ allowAll: true });
    // @ts-expect-error neither where nor allowAll
    db.tasks.delete({});
    expectTypeOf<DeleteArgs<S, "tasks">>().not.toBeAny();
    expectTypeOf<UpsertArgs<S, "labels">["target"]>().toEqualTypeOf<
      keyof Row<S, "labels"> | readonly (keyof Row<S, "labels">)[] | undefined
    >();
    expectTypeOf<InsertArgs<S, "tasks">>().not.toBeAny();
  });

  it("batch returns each write's rows in order; transaction returns the callback's value", () => {
    const results = db.batch((tx) => [
      tx.tasks.insert({ values: { title: "a", projectId } }),
      tx.labels.delete({ allowAll: true }),
    ]);
    expectTypeOf(results).resolves.toEqualTypeOf<[Row<S, "tasks">[], Row<S, "labels">[]]>();
    const value = db.transaction(async (tx) => {
      const handle = tx.tasks.update({ where: { id: 1 }, set: { done: true } });
      tx.onCommit(() => {});
      expectTypeOf(handle.result).toEqualTypeOf<Row<S, "tasks">[]>();
      return 42 as const;
    });
    expectTypeOf(value).resolves.toEqualTypeOf<42>();
  });
});
