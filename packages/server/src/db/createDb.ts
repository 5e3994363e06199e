import {
  type AnySchema,
  dataModel,
  isPrivateAuthTable,
  PRIVATE_FIELD_FIX,
  type SchemaModel,
  type TableModel,
} from "@appflare/schema";
import { InvalidQueryError } from "../errors/AppflareError";
import type { DbRuntime } from "./DbRuntime";
import { aggregate } from "./read/aggregate";
import { findFirst } from "./read/findFirst";
import { findMany } from "./read/findMany";
import { groupBy } from "./read/groupBy";
import { iterate } from "./read/iterate";
import type { Db } from "./types/TableClient";
import { executePlans } from "./write/executePlans";
import { planWrite, type WriteKind } from "./write/planWrite";
import { runBatch } from "./write/runBatch";
import { runTransaction } from "./write/runTransaction";
import type { CommitHook, TransactionScope } from "./write/transactionScope";
import { QueuedWrite } from "./write/WriteHandle";

const WRITES: readonly WriteKind[] = ["insert", "update", "upsert", "delete"];
const RESERVED = new Set(["batch", "transaction"]);

type Method = (args?: unknown) => unknown;

/**
 * Builds `ctx.db` for one request: `ctx.db.<table>` for every table of the model's data view
 * (`dataModel`: app, junction and `users` tables — never `sessions`, `accounts`, `verifications`, nor a
 * private `users` column or a relation reaching them) with reads (`findMany`, `findFirst`, `iterate`, `count`, `sum`, `avg`, `min`, `max`,
 * `groupBy`) and writes (`insert`, `update`, `upsert`, `delete` — each ONE D1 batch), plus `batch` and
 * `transaction`. Table clients are created on first access.
 *
 * @example
 * const db = createDb<typeof schema>(runtime);
 * const [task] = await db.tasks.insert({ values: { title: "Ship", projectId } });
 */
export function createDb<S extends AnySchema = AnySchema>(runtime: DbRuntime): Db<S> {
  // Reads and write plans resolve every name in the view, so secrets have no name at all. Writes and
  // transactions keep the runtime itself: transaction scopes and after-commit hooks are keyed by it.
  const view: DbRuntime = { ...runtime, model: dataModel(runtime.model) };
  const clients = new Map<string, Record<string, Method>>();
  const client = (table: TableModel) => {
    let c = clients.get(table.name);
    if (c === undefined) {
      c = { ...readMethods(view, table), ...writeMethods(runtime, table) };
      clients.set(table.name, c);
    }
    return c;
  };
  const db: Record<string, unknown> = {
    batch: (build: (tx: unknown) => unknown) => runBatch(runtime, () => build(batchDb(view.model))),
    transaction: (body: (tx: unknown) => unknown) =>
      runTransaction(runtime, (scope) => body(transactionDb(view, scope))),
  };
  for (const table of tablesOf(view.model)) {
    Object.defineProperty(db, table.name, { enumerable: true, get: () => client(table) });
  }
  return guardUnknownTables(db, view.model) as Db<S>;
}

/** Keys runtimes and libraries probe on any object (await, JSON, test matchers): never a typo. */
const PROBED = new Set(["then", "toJSON", "$$typeof", "asymmetricMatch", "nodeType", "inspect"]);

/**
 * `ctx.db.<typo>` fails right there, naming the known tables, instead of a later "Cannot read
 * properties of undefined (reading 'findMany')".
 */
function guardUnknownTables(db: Record<string, unknown>, model: SchemaModel): Record<string, unknown> {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (typeof key !== "string" || key in target || PROBED.has(key))
        return Reflect.get(target, key, receiver);
      if (isPrivateAuthTable(key)) {
        throw new TypeError(
          `ctx.db.${key}: "${key}" is the auth layer's table of secrets and is not reachable from ctx.db. ${PRIVATE_FIELD_FIX}`,
        );
      }
      const known = Object.keys(model.tables).sort().join(", ");
      throw new TypeError(
        `ctx.db.${key}: the schema has no table "${key}" (tables: ${known}). Add it to schema.ts, or fix the name.`,
      );
    },
  });
}

function tablesOf(model: SchemaModel): TableModel[] {
  const tables = Object.values(model.tables);
  for (const table of tables) {
    if (RESERVED.has(table.name)) {
      throw new TypeError(
        `Table "${table.name}" would shadow ctx.db.${table.name}(); rename the table in schema.ts (e.g. "${table.name}s")`,
      );
    }
  }
  return tables;
}

function readMethods(runtime: DbRuntime, table: TableModel): Record<string, Method> {
  const name = table.name;
  return {
    findMany: (args) => findMany(runtime, name, args),
    findFirst: (args) => findFirst(runtime, name, args),
    iterate: (args) => iterate(runtime, name, args),
    count: (args) => aggregate(runtime, name, "count", args),
    sum: (args) => aggregate(runtime, name, "sum", args),
    avg: (args) => aggregate(runtime, name, "avg", args),
    min: (args) => aggregate(runtime, name, "min", args),
    max: (args) => aggregate(runtime, name, "max", args),
    groupBy: (args) => groupBy(runtime, name, args),
  };
}

function writeMethods(runtime: DbRuntime, table: TableModel): Record<string, Method> {
  const methods: Record<string, Method> = {};
  for (const kind of WRITES) {
    methods[kind] = async (args) => {
      const [outcome] = await executePlans(runtime, [planWrite(table, kind, args)]);
      return outcome!.rows;
    };
  }
  return methods;
}

/** `tx` of `ctx.db.batch`: write methods return handles (validated now, run with the batch). */
function batchDb(model: SchemaModel): Record<string, Record<string, Method>> {
  const tx: Record<string, Record<string, Method>> = {};
  for (const table of Object.values(model.tables)) {
    Object.defineProperty(tx, table.name, {
      enumerable: true,
      get: () => queuedWriteMethods(table, undefined),
    });
  }
  return tx;
}

/** `tx` of `ctx.db.transaction`: reads run now; writes are queued on the transaction. */
function transactionDb(runtime: DbRuntime, scope: TransactionScope): Record<string, unknown> {
  const tx: Record<string, unknown> = {
    /** Runs `hook` after the transaction commits (never if it throws). */
    onCommit: (hook: CommitHook) => {
      if (scope.closed)
        throw new InvalidQueryError("tx.onCommit(...) was called after the transaction ended");
      scope.hooks.push(hook);
    },
  };
  for (const table of Object.values(runtime.model.tables)) {
    Object.defineProperty(tx, table.name, {
      enumerable: true,
      get: () => ({ ...readMethods(runtime, table), ...queuedWriteMethods(table, scope) }),
    });
  }
  return tx;
}

function queuedWriteMethods(table: TableModel, scope: TransactionScope | undefined): Record<string, Method> {
  const methods: Record<string, Method> = {};
  for (const kind of WRITES) {
    methods[kind] = (args) => {
      if (scope?.closed) {
        throw new InvalidQueryError(
          `tx.${table.name}.${kind}(...) was called after the transaction ended; queue writes inside the callback`,
        );
      }
      const write = new QueuedWrite(kind, planWrite(table, kind, args));
      scope?.writes.push(write);
      return write;
    };
  }
  return methods;
}
