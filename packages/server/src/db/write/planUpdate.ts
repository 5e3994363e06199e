import type { TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { join, type Sql, sql } from "../sql";
import type { WriteGuard, WritePlan } from "../WritePlan";
import { compileSet } from "./compileSet";
import { EventLog } from "./EventLog";
import { emitManyToManySet } from "./emitManyToManySet";
import { fileResults } from "./finishStatements";
import { countGuardSql, newGuardId } from "./guardStatements";
import { InsertEmitter } from "./InsertEmitter";
import { parseExpectRows } from "./parseExpectRows";
import { StatementList } from "./StatementList";
import { aliased, compileTarget, type Target, type TargetArgs } from "./targetRows";

/** Arguments of `update` as the runtime sees them (the typed form is `UpdateArgs`). */
export interface UpdateInput extends TargetArgs {
  readonly set: unknown;
  readonly expectRows?: unknown;
}

/**
 * Compiles `update({ where, set, limit?, allowAll?, expectRows? })` into one batch:
 * `[expectRows guard] → before-image SELECT → manyToMany link changes → UPDATE … RETURNING`.
 * Returns the updated rows as they are after the write.
 */
export function planUpdate(table: TableModel, args: UpdateInput): WritePlan {
  if (!isPlainObject(args)) {
    throw new InvalidQueryError(`update on "${table.name}" takes { where, set }, got ${describeValue(args)}`);
  }
  const target = compileTarget(table, args, "update");
  const set = compileSet(table, args.set, "update");
  if (set.assignments.length === 0 && set.manyToMany.length === 0) {
    throw new InvalidQueryError(`update on "${table.name}": set has no fields to change`);
  }
  const expected = parseExpectRows(args.expectRows, table, "update");
  const list = new StatementList();
  const guards = addGuard(list, table, target, expected);
  const from = aliased(table, target);
  list.add(sql`SELECT * FROM ${from} WHERE ${target.condition}`, { role: "before", table, group: "target" });
  const emitter = new InsertEmitter(list);
  for (const change of set.manyToMany) emitManyToManySet(list, emitter, table, target, change);
  const after: Sql =
    set.assignments.length > 0
      ? sql`UPDATE ${from} SET ${join(set.assignments)} WHERE ${target.condition} RETURNING *`
      : sql`SELECT * FROM ${from} WHERE ${target.condition}`;
  const afterIndex = list.add(after, { role: "after", table, group: "target" });
  return {
    table: table.name,
    statements: list.statements,
    guards,
    finish(results) {
      const events = new EventLog(args);
      const decoded = fileResults(list, results, events, (group) =>
        group.startsWith("unlink:") ? "delete" : "update",
      );
      return { rows: decoded[afterIndex]!, events: events.list() };
    },
  };
}

/** Adds the `expectRows` guard over the target rows, when asked for. */
export function addGuard(
  list: StatementList,
  table: TableModel,
  target: Target,
  expected: ReturnType<typeof parseExpectRows>,
): WriteGuard[] {
  if (expected === undefined) return [];
  const count = sql`SELECT count(*) AS "n" FROM ${aliased(table, target)} WHERE ${target.condition}`;
  const statementIndex = list.add(countGuardSql(newGuardId(), count, expected), { role: "check" });
  return [{ statementIndex, expected, countStatement: count }];
}
