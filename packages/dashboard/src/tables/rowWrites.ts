import type { TableModel } from "@appflare/schema";
import { AppflareError, NotFoundError, type ResolvedSession } from "@appflare/server";
import { type AuditStore, auditStore } from "../audit/auditStore";
import type { DashboardRuntime } from "../http/DashboardRuntime";
import { rowSnapshot } from "./rowSnapshot";
import { type DbRow, type TableApi, tableApi } from "./TableApi";

/** Who writes, with which bindings: one dashboard request. */
export interface WriteCall<Env extends object> {
  readonly runtime: DashboardRuntime<Env>;
  readonly env: Env;
  readonly executionCtx: ExecutionContext | undefined;
  readonly admin: ResolvedSession;
}

/**
 * Runs `fn` on `ctx.db.<table>` through the host (so the schema's validation applies and realtime is
 * told of the commit), as the signed-in admin, reported as the handler "dashboard".
 */
export function withTable<Env extends object, T>(
  call: WriteCall<Env>,
  table: TableModel,
  fn: (api: TableApi) => Promise<T>,
): Promise<T> {
  return call.runtime.host.withContext(
    { env: call.env, executionCtx: call.executionCtx, user: call.admin.user, name: "dashboard" },
    (ctx) => fn(tableApi(ctx.db, table.name)),
  );
}

/** The dashboard's audit log for these bindings (the app's D1 database). */
export function auditFor<Env extends object>(call: WriteCall<Env>): AuditStore {
  const binding = call.runtime.host.config.database.binding;
  return auditStore((call.env as Record<string, D1Database>)[binding] as D1Database);
}

function actor<Env extends object>(call: WriteCall<Env>) {
  const user = call.admin.user as { id: string; email?: string | null };
  return { actorId: user.id, actorEmail: user.email ?? null };
}

/** Inserts one row and records it in the audit log. */
export async function createRow<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  values: Record<string, unknown>,
  undoOf: number | null = null,
): Promise<DbRow> {
  const [row] = await withTable(call, table, (api) => api.insert({ values }));
  if (!row) throw new AppflareError(500, { message: `Insert into "${table.name}" returned no row` });
  await auditFor(call).record({
    ...actor(call),
    action: "insert",
    table: table.name,
    rowKey: String(row[table.primaryKey]),
    before: null,
    after: rowSnapshot(row),
    undoOf,
  });
  return row;
}

/**
 * Inserts `rows` as ONE `ctx.db` write (one D1 batch: all rows or none), then records one audit entry
 * per row in one more batch.
 */
export async function createRows<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  rows: readonly Record<string, unknown>[],
): Promise<DbRow[]> {
  if (rows.length === 0) return [];
  const inserted = await withTable(call, table, (api) => api.insert({ values: [...rows] }));
  await auditFor(call).recordMany(
    inserted.map((row) => ({
      ...actor(call),
      action: "insert" as const,
      table: table.name,
      rowKey: String(row[table.primaryKey]),
      before: null,
      after: rowSnapshot(row),
      undoOf: null,
    })),
  );
  return inserted;
}

/** Updates the row with key `key` (exactly one row or nothing) and records before/after. */
export async function updateRow<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  key: string | number,
  set: Record<string, unknown>,
  undoOf: number | null = null,
): Promise<DbRow> {
  const where = { [table.primaryKey]: key };
  const { before, after } = await withTable(call, table, async (api) => {
    const before = await api.findFirst({ where });
    if (!before) throw new NotFoundError(`No "${table.name}" row with ${table.primaryKey} = ${key}`);
    const [after] = await api.update({ where, set, expectRows: 1 });
    return { before, after: after ?? before };
  });
  await auditFor(call).record({
    ...actor(call),
    action: "update",
    table: table.name,
    rowKey: String(key),
    before: rowSnapshot(before),
    after: rowSnapshot(after),
    undoOf,
  });
  return after;
}

/** Deletes the row with key `key` (exactly one row or nothing) and records what it held. */
export async function deleteRow<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  key: string | number,
  undoOf: number | null = null,
): Promise<void> {
  const where = { [table.primaryKey]: key };
  const [before] = await withTable(call, table, (api) => api.delete({ where, expectRows: 1 }));
  if (!before) throw new NotFoundError(`No "${table.name}" row with ${table.primaryKey} = ${key}`);
  await auditFor(call).record({
    ...actor(call),
    action: "delete",
    table: table.name,
    rowKey: String(key),
    before: rowSnapshot(before),
    after: null,
    undoOf,
  });
}
