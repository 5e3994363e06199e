import { InvalidQueryError } from "../../errors/AppflareError";
import { ExpectRowsError, ForeignKeyViolationError } from "../../errors/DbError";
import type { SqlRow } from "../D1Executor";
import type { DbRuntime } from "../DbRuntime";
import { mapD1Error } from "../mapD1Error";
import { MAX_BOUND_PARAMS } from "../sql";
import type { WriteOutcome, WritePlan } from "../WritePlan";
import { looksLikeCheckFailure, parseCheckFailure, withinExpected } from "./guardStatements";
import { locateFailingWrite } from "./locateFailingWrite";

/**
 * Runs plans as ONE D1 batch (one round trip, one implicit transaction), then turns each plan's
 * results into its rows and events. Events are appended to `runtime.events` only after the batch
 * committed. A failed batch wrote nothing; its error is explained: an `expectRows` guard →
 * `ExpectRowsError`, a link to missing rows → `ForeignKeyViolationError`, a constraint → the matching
 * `DbError` (see `mapD1Error`), anything else rethrown as is.
 */
export async function executePlans(runtime: DbRuntime, plans: readonly WritePlan[]): Promise<WriteOutcome[]> {
  for (const plan of plans) refuseOversizedStatements(plan);
  const statements = plans.flatMap((p) => p.statements);
  let results: SqlRow[][] = [];
  if (statements.length > 0) {
    try {
      results = await runtime.executor.batch(statements);
    } catch (error) {
      throw await explainBatchFailure(runtime, plans, error);
    }
  }
  const outcomes: WriteOutcome[] = [];
  let offset = 0;
  for (const plan of plans) {
    outcomes.push(plan.finish(results.slice(offset, offset + plan.statements.length)));
    offset += plan.statements.length;
  }
  for (const outcome of outcomes) {
    for (const event of outcome.events) runtime.events.push(event);
  }
  return outcomes;
}

/**
 * Planners split rows and move long lists into one JSON parameter; what still binds more than D1's
 * 100 parameters in one statement (a where with over 100 separate values) is the caller's to split,
 * so it is a 400 before anything runs, not D1's "too many SQL variables" 500.
 */
function refuseOversizedStatements(plan: WritePlan): void {
  for (const statement of plan.statements) {
    if (statement.params.length > MAX_BOUND_PARAMS) {
      throw new InvalidQueryError(
        `A write to "${plan.table}" needs ${statement.params.length} bound parameters in one statement; D1 allows ${MAX_BOUND_PARAMS}. ` +
          "Its where has too many separate values: match one field's values with in/nin (sent as one parameter), or split the write.",
      );
    }
  }
}

async function explainBatchFailure(runtime: DbRuntime, plans: readonly WritePlan[], error: unknown) {
  const check = parseCheckFailure(error);
  if (check?.kind === "missing") return new ForeignKeyViolationError(check.table);
  if (check?.kind === "guard") {
    for (const plan of plans) {
      for (const guard of plan.guards) {
        if (plan.statements[guard.statementIndex]?.text.includes(`:${check.guardId}:`)) {
          return new ExpectRowsError(guard.expected, check.count);
        }
      }
    }
  }
  const guards = plans.flatMap((p) => p.guards);
  if (guards.length > 0 && looksLikeCheckFailure(error)) {
    // The error text did not name the guard: count again (one extra round trip, failure path only).
    const counts = await runtime.executor.batch(guards.map((g) => g.countStatement));
    const actual = (i: number) => Number(counts[i]?.[0]?.n ?? 0);
    // The first guard out of range; if a concurrent write moved every count back in range, the first.
    const index = Math.max(
      0,
      guards.findIndex((g, i) => !withinExpected(g.expected, actual(i))),
    );
    return new ExpectRowsError(guards[index]!.expected, actual(index));
  }
  const mapped = mapD1Error(error, runtime.model, plans[0]?.table ?? "");
  if (mapped instanceof ForeignKeyViolationError) {
    // SQLite's FOREIGN KEY failure names no table: find the statement that failed.
    const statements = plans.flatMap((p) => p.statements);
    const table = await locateFailingWrite(runtime.executor, runtime.model, statements, isForeignKeyFailure);
    if (table !== undefined) return new ForeignKeyViolationError(table);
  }
  return mapped;
}

function isForeignKeyFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    if (/FOREIGN KEY constraint failed/.test(e.message)) return true;
  }
  return false;
}
