import type { SchemaModel } from "@appflare/schema";
import type { D1Executor } from "../D1Executor";
import { raw, type Sql } from "../sql";

/** `INSERT INTO "t"`, `UPDATE "t"`, `DELETE FROM "t"`: the statements this package writes with. */
const WRITE_TARGET = /^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"((?:[^"]|"")+)"/;

/**
 * Fails a probe batch at its end, after the statements before it ran: evaluated per row (random()),
 * so SQLite cannot fail it while preparing the batch.
 */
const PROBE_FAILURE = raw(`SELECT json_extract('{}', 'appflare_probe:' || abs(random() % 2)) AS "x"`);

/**
 * The TS table of the statement that made a batch fail, for a constraint error whose text names no
 * table (SQLite's FOREIGN KEY failure). When every write statement of the batch targets one table, that
 * table; otherwise a binary search over batch prefixes, each ending in a failing probe so it rolls back
 * and writes nothing: the shortest prefix that still fails with `sameFailure` ends at the culprit.
 * Costs about log2(statements) round trips, on the failure path only. `undefined` when the failure
 * does not reproduce (a concurrent write changed the data).
 *
 * @example
 * const table = await locateFailingWrite(executor, model, statements, (e) => /FOREIGN KEY/.test(String(e)));
 */
export async function locateFailingWrite(
  executor: D1Executor,
  model: SchemaModel,
  statements: readonly Sql[],
  sameFailure: (error: unknown) => boolean,
): Promise<string | undefined> {
  const targets = statements.map((s) => writeTarget(model, s));
  const written = new Set(targets.filter((t) => t !== undefined));
  if (written.size <= 1) return [...written][0];
  const fails = async (end: number) => {
    try {
      await executor.batch([...statements.slice(0, end + 1), PROBE_FAILURE]);
      return false; // unreachable: the probe always fails
    } catch (error) {
      return sameFailure(error);
    }
  };
  let low = 0;
  let high = statements.length - 1;
  if (!(await fails(high))) return undefined;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (await fails(middle)) high = middle;
    else low = middle + 1;
  }
  return targets[low];
}

/** The TS table a statement writes to, or `undefined` for reads and checks. */
function writeTarget(model: SchemaModel, statement: Sql): string | undefined {
  const match = WRITE_TARGET.exec(statement.text);
  if (!match) return undefined;
  const sqlName = match[1]!.replaceAll('""', '"');
  return Object.values(model.tables).find((t) => t.sqlName === sqlName)?.name;
}
