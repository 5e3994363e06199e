import type { NormalizedWhere, RelationModel, TableModel } from "@appflare/schema";
import { ident, type Sql, sql } from "../sql";
import { columnOf, tableOf } from "./modelLookup";
import { columnRef } from "./sqlText";
import type { SqlScope } from "./WhereScope";

/** Compiles the where of the relation's target at a fresh alias (injected to avoid an import cycle). */
export type CompileTargetWhere = (target: TableModel, alias: string, where: NormalizedWhere) => Sql;

/**
 * A relation filter as `EXISTS`: TRUE iff the inner where is TRUE for some related row, never
 * UNKNOWN (a `one` relation with a NULL FK has no related row, so FALSE). Every relation filter gets
 * fresh aliases, so self relations and nested relation filters never capture the wrong table.
 * The target (and junction) table is added to `scope.relationTables`, so the read records a
 * table-level read of it: any change there may flip the EXISTS.
 *
 * - one / many: `EXISTS (SELECT 1 FROM target t1 WHERE t1.targetField = t0.sourceField AND w)`
 * - manyToMany: `EXISTS (SELECT 1 FROM junction t1 JOIN target t2 ON t2.key = t1.targetField
 *   WHERE t1.sourceField = t0.key AND w)`
 *
 * @example
 * // tasks where { project: { name: "Site" } }
 * // EXISTS (SELECT 1 FROM "projects" AS "t1" WHERE "t1"."id" = "t0"."project_id" AND ("t1"."name" = ?))
 */
export function compileRelationFilter(
  scope: SqlScope,
  source: TableModel,
  sourceAlias: string,
  relation: RelationModel,
  where: NormalizedWhere,
  compileTarget: CompileTargetWhere,
): Sql {
  const target = tableOf(scope, relation.target);
  const sourceKey = columnRef(sourceAlias, columnOf(source, relation.sourceField));
  scope.relationTables.add(target.name);
  if (relation.kind === "manyToMany") {
    const junction = tableOf(scope, relation.junction!.table);
    scope.relationTables.add(junction.name);
    const link = scope.alias();
    const alias = scope.alias();
    const inner = compileTarget(target, alias, where);
    return sql`EXISTS (SELECT 1 FROM ${ident(junction.sqlName)} AS ${ident(link)} JOIN ${ident(target.sqlName)} AS ${ident(alias)} ON ${columnRef(alias, columnOf(target, relation.targetField))} = ${columnRef(link, columnOf(junction, relation.junction!.targetField))} WHERE ${columnRef(link, columnOf(junction, relation.junction!.sourceField))} = ${sourceKey} AND ${inner})`;
  }
  const alias = scope.alias();
  const inner = compileTarget(target, alias, where);
  return sql`EXISTS (SELECT 1 FROM ${ident(target.sqlName)} AS ${ident(alias)} WHERE ${columnRef(alias, columnOf(target, relation.targetField))} = ${sourceKey} AND ${inner})`;
}
