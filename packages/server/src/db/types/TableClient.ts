import type { AnySchema, DbView, Row, TableNames } from "@appflare/schema";
import type { CommitHook } from "../write/transactionScope";
import type { WriteHandle } from "../write/WriteHandle";
import type { ReadMethods } from "./readTypes";
import type { DeleteArgs, InsertArgs, UpdateArgs, UpsertArgs } from "./writeTypes";

/** Writes of `ctx.db.<table>`: each is ONE D1 batch and returns the written rows. */
export interface WriteMethods<S extends AnySchema, T extends TableNames<S>> {
  /**
   * Inserts rows (and nested relation rows); returns the inserted rows in the order given.
   * @example await ctx.db.tasks.insert({ values: [{ title: "a", projectId }, { title: "b", projectId }] });
   */
  insert(args: InsertArgs<S, T>): Promise<Row<S, T>[]>;
  /**
   * Updates the rows matching `where`; returns them as updated.
   * @example await ctx.db.tasks.update({ where: { id }, set: { done: true }, expectRows: 1 });
   */
  update(args: UpdateArgs<S, T>): Promise<Row<S, T>[]>;
  /**
   * Inserts rows, updating those that conflict on `target` (the primary key by default).
   * @example await ctx.db.labels.upsert({ values: { name: "bug", color: "#f00" }, target: "name" });
   */
  upsert(args: UpsertArgs<S, T>): Promise<Row<S, T>[]>;
  /**
   * Deletes the rows matching `where`; returns them as they were.
   * @example await ctx.db.tasks.delete({ where: { done: true, projectId } });
   */
  delete(args: DeleteArgs<S, T>): Promise<Row<S, T>[]>;
}

/** Writes inside `ctx.db.batch` / `ctx.db.transaction`: queued handles, not promises. */
export interface QueuedWriteMethods<S extends AnySchema, T extends TableNames<S>> {
  insert(args: InsertArgs<S, T>): WriteHandle<Row<S, T>[]>;
  update(args: UpdateArgs<S, T>): WriteHandle<Row<S, T>[]>;
  upsert(args: UpsertArgs<S, T>): WriteHandle<Row<S, T>[]>;
  delete(args: DeleteArgs<S, T>): WriteHandle<Row<S, T>[]>;
}

/** `ctx.db.<table>`. */
export type TableClient<S extends AnySchema, T extends TableNames<S>> = ReadMethods<S, T> &
  WriteMethods<S, T>;

/** `tx` of `ctx.db.batch(tx => [...])`. */
export type BatchDb<S extends AnySchema> = { readonly [T in TableNames<S>]: QueuedWriteMethods<S, T> };

/** `tx` of `ctx.db.transaction(async tx => ...)`: reads run now, writes are queued. */
export type TransactionDb<S extends AnySchema> = {
  readonly [T in TableNames<S>]: ReadMethods<S, T> & QueuedWriteMethods<S, T>;
} & {
  /** Runs `hook` once the transaction committed; never when it throws or its batch fails. */
  onCommit(hook: CommitHook): void;
};

/** The result tuple of a batch: each handle's rows. */
export type BatchResults<H extends readonly WriteHandle<unknown>[]> = {
  -readonly [K in keyof H]: H[K] extends WriteHandle<infer R> ? R : never;
};

/**
 * `ctx.db`: a client per table of the schema's {@link DbView} (app tables and `users` with its public
 * columns — never `sessions`, `accounts`, `verifications`; synthesized junction tables are reachable at
 * run time as `ctx.db.<junctionName>`, untyped), plus `batch` and `transaction`.
 */
export type Db<S extends AnySchema> = DataDb<DbView<S>>;

type DataDb<S extends AnySchema> = { readonly [T in TableNames<S>]: TableClient<S, T> } & {
  /**
   * Runs writes as ONE D1 batch: all commit or none does. Results come back in order.
   * @example
   * const [project, tasks] = await ctx.db.batch((tx) => [
   *   tx.projects.update({ where: { id }, set: { status: "archived" } }),
   *   tx.tasks.delete({ where: { projectId: id, done: true } }),
   * ]);
   */
  batch<const H extends readonly WriteHandle<unknown>[]>(
    build: (tx: BatchDb<S>) => H,
  ): Promise<BatchResults<H>>;
  /**
   * Reads now, queues writes, commits the writes together when `body` returns. Reads inside do NOT see
   * the writes queued before them (D1 has no interactive transactions); a throw writes nothing.
   * @example
   * await ctx.db.transaction(async (tx) => {
   *   const task = await tx.tasks.findFirst({ where: { id } });
   *   if (!task) ctx.error(404, "No such task");
   *   tx.tasks.update({ where: { id, version: task.version }, set: { version: task.version + 1 }, expectRows: 1 });
   * });
   */
  transaction<R>(body: (tx: TransactionDb<S>) => Promise<R> | R): Promise<R>;
};
