import type { TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { ident, join, param, raw, type Sql, sql } from "../sql";
import type { WriteGuard, WritePlan } from "../WritePlan";
import { buildInsertGraph } from "./buildInsertGraph";
import { chunkRows, MAX_STATEMENT_PARAM_BYTES } from "./chunkRows";
import { compileSet } from "./compileSet";
import { EventLog } from "./EventLog";
import { fileResults } from "./finishStatements";
import { countGuardSql, newGuardId } from "./guardStatements";
import type { InsertNode } from "./InsertNode";
import { parseExpectRows } from "./parseExpectRows";
import { StatementList } from "./StatementList";
import { upsertTarget } from "./upsertTarget";

/** Arguments of `upsert` as the runtime sees them (the typed form is `UpsertArgs`). */
export interface UpsertInput {
  readonly values: unknown;
  readonly target?: unknown;
  readonly set?: unknown;
  readonly expectRows?: unknown;
}

/**
 * Compiles `upsert({ values, target?, set?, expectRows? })` into one batch:
 * `[expectRows guard] → before-image SELECT of the existing rows matched on target →
 * INSERT … ON CONFLICT (target) DO UPDATE SET … RETURNING`.
 *
 * `set` defaults to each row's own given values (`"col" = excluded."col"` for the fields the row gave,
 * target fields aside), so runtime defaults such as `createdAt` fill new rows but never overwrite
 * existing ones. `expectRows` counts the existing rows the upsert will update (those matched on target).
 */
export function planUpsert(table: TableModel, args: UpsertInput): WritePlan {
  if (!isPlainObject(args)) {
    throw new InvalidQueryError(`upsert on "${table.name}" takes { values }, got ${describeValue(args)}`);
  }
  const inputs = Array.isArray(args.values) ? args.values : [args.values];
  if (args.values === undefined) throw new InvalidQueryError(`upsert on "${table.name}" needs values`);
  inputs.forEach((row, i) => {
    refuseNested(table, row, Array.isArray(args.values) ? `values[${i}]` : "values");
  });
  const targetFields = upsertTarget(table, args.target);
  const explicitSet = args.set === undefined ? undefined : compileSet(table, args.set, "upsert").assignments;
  if (explicitSet?.length === 0) throw new InvalidQueryError(`upsert on "${table.name}": set has no fields`);
  const expected = parseExpectRows(args.expectRows, table, "upsert");
  const graph = buildInsertGraph(table.schema, table, inputs);

  const list = new StatementList();
  const guards: WriteGuard[] = [];
  const existing = existingRowsConditions(table, targetFields, graph.roots);
  if (expected !== undefined && existing.length > 0) {
    const counts = existing.map((c) => sql`(SELECT count(*) FROM ${ident(table.sqlName)} WHERE ${c})`);
    const count = sql`SELECT ${join(counts, " + ")} AS "n"`;
    const statementIndex = list.add(countGuardSql(newGuardId(), count, expected), { role: "check" });
    guards.push({ statementIndex, expected, countStatement: count });
  } else if (expected !== undefined) {
    const count = sql`SELECT 0 AS "n"`;
    const statementIndex = list.add(countGuardSql(newGuardId(), count, expected), { role: "check" });
    guards.push({ statementIndex, expected, countStatement: count });
  }
  for (const condition of existing) {
    list.add(sql`SELECT * FROM ${ident(table.sqlName)} WHERE ${condition}`, {
      role: "before",
      table,
      group: "target",
    });
  }
  const conflict = join(targetFields.map((f) => ident(table.columns[f]!.sqlName)));
  const writes: number[] = [];
  for (const group of consecutiveGroups(table, inputs, graph.roots)) {
    if (group.columns.length === 0) {
      throw new InvalidQueryError(
        `upsert on "${table.name}": a row gives no values; give at least its ${targetFields.join(", ")}`,
      );
    }
    const assignments = explicitSet ?? defaultSet(table, group.given, targetFields);
    const names = join(group.columns.map((c) => ident(table.columns[c]!.sqlName)));
    const rows = group.nodes.map((node) =>
      group.columns.map((c) => {
        const cell = node.cells.get(c)!;
        return cell.kind === "value" ? param(cell.value) : raw("NULL");
      }),
    );
    const reserved = assignments.reduce((n, a) => n + a.params.length, 0);
    for (const chunk of chunkRows(rows, reserved)) {
      const values = join(chunk.map((r) => sql`(${join(r)})`));
      const statement = sql`INSERT INTO ${ident(table.sqlName)} (${names}) VALUES ${values} ON CONFLICT (${conflict}) DO UPDATE SET ${join(assignments)} RETURNING *`;
      writes.push(list.add(statement, { role: "after", table, group: "target" }));
    }
  }
  return {
    table: table.name,
    statements: list.statements,
    guards,
    finish(results) {
      const events = new EventLog(args);
      const decoded = fileResults(list, results, events, () => "upsert");
      return { rows: writes.flatMap((i) => decoded[i]!), events: events.list() };
    },
  };
}

/** Upsert takes column values (and `one` relations given a key), not nested writes. */
function refuseNested(table: TableModel, row: unknown, path: string): void {
  if (!isPlainObject(row)) return; // buildInsertGraph reports it
  for (const key of Object.keys(row)) {
    const relation = Object.hasOwn(table.relations, key) ? table.relations[key] : undefined;
    if (relation && (relation.kind !== "one" || isPlainObject(row[key]))) {
      throw new InvalidQueryError(
        `${path}.${key} of upsert on "${table.name}": upsert takes column values only; use insert for nested writes`,
      );
    }
  }
}

/** Rows in a run with the same written columns and the same user-given fields share statements. */
function consecutiveGroups(table: TableModel, inputs: readonly unknown[], nodes: readonly InsertNode[]) {
  const groups: { columns: string[]; given: string[]; nodes: InsertNode[] }[] = [];
  let key = "";
  nodes.forEach((node, i) => {
    const columns = Object.keys(table.columns).filter((c) => node.cells.has(c));
    const given = givenFields(table, inputs[i] as Record<string, unknown>);
    const next = `${columns.join(",")}\u0000${given.join(",")}`;
    if (groups.length === 0 || next !== key) groups.push({ columns, given, nodes: [] });
    key = next;
    groups[groups.length - 1]!.nodes.push(node);
  });
  return groups;
}

/** Columns the caller gave a value for (a `one` relation counts as its FK). */
function givenFields(table: TableModel, row: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  for (const key of Object.keys(row)) {
    if (row[key] === undefined) continue;
    fields.add(Object.hasOwn(table.relations, key) ? table.relations[key]!.sourceField : key);
  }
  return Object.keys(table.columns).filter((c) => fields.has(c));
}

/** `"col" = excluded."col"` for each given non-target field; a no-op on the target when none. */
function defaultSet(table: TableModel, given: readonly string[], target: readonly string[]): Sql[] {
  const fields = given.filter((f) => !target.includes(f));
  const assign = (f: string) => {
    const name = ident(table.columns[f]!.sqlName);
    return sql`${name} = excluded.${name}`;
  };
  // DO NOTHING would drop the row from RETURNING; a no-op update keeps it.
  return fields.length > 0 ? fields.map(assign) : [assign(target[0]!)];
}

/**
 * Conditions matching the existing rows that have the target values of `nodes`, each with the key
 * list as ONE JSON parameter (`json_each`), so any number of rows stays within D1's parameter cap.
 */
function existingRowsConditions(
  table: TableModel,
  fields: readonly string[],
  nodes: readonly InsertNode[],
): Sql[] {
  const keys: unknown[] = [];
  for (const node of nodes) {
    const cells = fields.map((f) => node.cells.get(f));
    if (cells.every((c) => c?.kind === "value" && c.value !== null)) {
      const values = cells.map((c) => (c as { value: unknown }).value);
      keys.push(fields.length === 1 ? values[0] : values);
    }
  }
  const columns = fields.map((f) => ident(table.columns[f]!.sqlName));
  const conditions: Sql[] = [];
  let chunk: unknown[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const json = param(JSON.stringify(chunk));
    conditions.push(
      columns.length === 1
        ? sql`${columns[0]!} IN (SELECT value FROM json_each(${json}))`
        : sql`(${join(columns)}) IN (SELECT ${join(columns.map((_, i) => raw(`json_extract(value, '$[${i}]')`)))} FROM json_each(${json}))`,
    );
    chunk = [];
    bytes = 0;
  };
  for (const key of keys) {
    const size = JSON.stringify(key).length;
    if (bytes + size > MAX_STATEMENT_PARAM_BYTES / 4) flush();
    chunk.push(key);
    bytes += size;
  }
  flush();
  return conditions;
}
