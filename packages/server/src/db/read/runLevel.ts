import type { TsRow } from "../codec";
import type { SqlRow } from "../D1Executor";
import type { DbRuntime } from "../DbRuntime";
import type { Sql } from "../sql";
import { compileLevelStatement } from "./compileLevelStatement";
import { decodeRows } from "./decodeRows";
import { ReadCollector } from "./ReadCollector";
import type { LevelPlan } from "./ReadPlan";
import { recordRelationFilterReads, recordWithReads } from "./recordReads";

/** Rows of one page plus the raw result rows they came from (keyset pagination reads keys from them). */
export interface LevelResult {
  readonly rows: TsRow[];
  readonly raw: readonly SqlRow[];
}

/**
 * Runs a planned top-level read as ONE statement (one D1 round trip, whatever the `with` nesting)
 * and records what it read: relation-filter tables (table level) and the `with` loads keyed by the
 * rows they joined. The caller records the top-level `{ table, where }` itself, once per read.
 * `extraWhere` adds a condition over the root alias (keyset pagination).
 *
 * @example
 * runtime.reads.push({ table: plan.table.name, where: plan.where ?? null });
 * const { rows } = await runLevel(runtime, plan, 'findMany on table "tasks"');
 */
export async function runLevel(
  runtime: DbRuntime,
  level: LevelPlan,
  label: string,
  extraWhere?: (alias: string) => Sql,
): Promise<LevelResult> {
  const { statement, relationTables } = compileLevelStatement(runtime.model, level, label, extraWhere);
  recordRelationFilterReads(runtime.reads, relationTables);
  if (level.limit === 0) return { rows: [], raw: [] };
  const raw = await runtime.executor.all(statement);
  const collector = new ReadCollector();
  const rows = decodeRows(level, raw, collector);
  recordWithReads(runtime.reads, level, collector);
  return { rows, raw };
}
