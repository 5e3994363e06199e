import {
  compareSqlite,
  type NormalizedScalar,
  type NormalizedWhere,
  toSqlValue,
  WHERE_LIMITS,
} from "@appflare/schema";
import type { ReadRecord } from "../ReadRecord";
import type { ReadCollector } from "./ReadCollector";
import type { LevelPlan } from "./ReadPlan";

/**
 * Appends the read records of the `with` loads of a level (recursively), keyed by the rows they
 * joined (src/db/read/README.md, "What a read records"):
 * - one / many: `{ target, where: { targetField: { in: parentKeys } } }` AND the entry's where;
 * - manyToMany: the junction keyed by parent keys, plus the target keyed by the loaded target keys
 *   when every linked row was loaded (no where, no cut by limit/offset), else by the entry's where
 *   (or the whole table).
 * Relations no parent row reached record nothing: a change there cannot reach this result without
 * a change to a parent row, which the parent's own record covers.
 */
export function recordWithReads(reads: ReadRecord[], level: LevelPlan, collector: ReadCollector): void {
  for (const plan of level.relations) {
    const seen = collector.get(plan);
    if (seen === undefined || seen.parentKeys.size === 0) continue;
    const { relation } = plan;
    if (relation.kind === "manyToMany") {
      const junction = relation.junction!;
      reads.push({ table: junction.table, where: keyIn(junction.sourceField, seen.parentKeys) });
      const complete = plan.rows !== undefined && plan.where === undefined && !seen.truncated;
      const targetWhere = complete ? keyIn(relation.targetField, seen.loadedKeys) : (plan.where ?? null);
      if (!complete || seen.loadedKeys.size > 0) reads.push({ table: plan.target.name, where: targetWhere });
    } else {
      reads.push({
        table: plan.target.name,
        where: andWhere(keyIn(relation.targetField, seen.parentKeys), plan.where),
      });
    }
    if (plan.rows !== undefined) recordWithReads(reads, plan.rows, collector);
  }
}

/** Table-level records for the tables relation filters (EXISTS) reached. */
export function recordRelationFilterReads(reads: ReadRecord[], tables: Iterable<string>): void {
  for (const table of tables) reads.push({ table, where: null });
}

/**
 * `{ field: { in: values } }` in normalized form (values sorted). Lists longer than the filter
 * model's 1000-item limit are split into an `or` of lists, so the record stays a valid where.
 *
 * @example
 * keyIn("projectId", new Set(["b", "a"])); // { projectId: { in: ["a", "b"] } }
 */
export function keyIn(field: string, values: Iterable<NormalizedScalar>): NormalizedWhere {
  const sorted = [...values].sort((a, b) => compareSqlite(toSqlValue(a)!, toSqlValue(b)!));
  const max = WHERE_LIMITS.maxListLength;
  if (sorted.length <= max) return { [field]: { in: sorted } };
  const chunks: NormalizedWhere[] = [];
  for (let i = 0; i < sorted.length; i += max) chunks.push({ [field]: { in: sorted.slice(i, i + max) } });
  return { or: chunks };
}

/** `a AND b` in normalized form; `b` absent → `a`. */
export function andWhere(a: NormalizedWhere, b: NormalizedWhere | undefined): NormalizedWhere {
  return b === undefined ? a : { and: [a, b] };
}
