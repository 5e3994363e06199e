/**
 * The SQL compiler against the JS evaluator (`evaluateWhere` from @appflare/schema), on real D1:
 * 100 random FK-consistent datasets × 100 random wheres (relation filters, JSON operators, geo,
 * $-aliases…), each where compiled in both list modes — 20,000 SQL/JS comparisons. For every row
 * SQL classifies the where as TRUE (the row is returned), FALSE (`NOT p` returns it) or UNKNOWN
 * (`p IS NULL`), which must be exactly the evaluator's `true` / `false` / `null`: this is the
 * "rows returned" check and the partition check in one.
 */

import { env } from "cloudflare:test";
import { evaluateWhere, normalizeWhere, type TableModel } from "@appflare/schema";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { whereArbitrary } from "../../../schema/test/arbitraries";
import { ident, MAX_BOUND_PARAMS, type Sql, sql } from "../../src/db/sql";
import { compileWhere } from "../../src/db/where/compileWhere";
import { createSqlScope, type ListMode } from "../../src/db/where/WhereScope";
import { datasetArbitrary } from "./support/datasetArbitrary";
import { type Dataset, insertStatements, items, model, withRelations } from "./support/fixtureData";
import { applyFixtureMigrations } from "./support/migrate";

const DATASETS = 100;
const WHERES_PER_DATASET = 100;
const SEED = Date.now() % 2 ** 31;

beforeAll(applyFixtureMigrations);

/**
 * `SELECT id, r` for every item row with r = 1 where SQL returns the row for `WHERE p`, 0 where it
 * returns it for `WHERE NOT p`, NULL where neither (`p IS NULL`). When `p` twice would pass D1's
 * 100 bound parameters, r is `p` itself (a boolean expression: 1, 0 or NULL — the same partition).
 */
function classify(table: TableModel, where: unknown, mode: ListMode): Sql | undefined {
  const build = (twice: boolean) => {
    const scope = createSqlScope(model, mode);
    const root = scope.alias();
    const alias = ident(root);
    const p = compileWhere(scope, table, root, normalizeWhere(table, where));
    const r = twice ? sql`CASE WHEN ${p} THEN 1 WHEN NOT ${p} THEN 0 END` : p;
    return sql`SELECT ${alias}."id" AS "id", ${r} AS "r" FROM "items" AS ${alias} ORDER BY "id"`;
  };
  for (const twice of [true, false]) {
    const statement = build(twice);
    if (statement.params.length <= MAX_BOUND_PARAMS) return statement;
  }
  return undefined;
}

it(`agrees with evaluateWhere on ${DATASETS} datasets × ${WHERES_PER_DATASET} wheres`, {
  timeout: 600_000,
}, async () => {
  let compared = 0;
  let skipped = 0;
  let failure: string | undefined;
  const outcome = await fc.check(
    fc.asyncProperty(
      datasetArbitrary,
      fc.array(whereArbitrary(items), { minLength: WHERES_PER_DATASET, maxLength: WHERES_PER_DATASET }),
      async (data: Dataset, wheres) => {
        const db = env.FIXTURE_DB;
        const checks: Array<{ where: unknown; mode: ListMode; statement: Sql }> = [];
        for (const where of wheres) {
          for (const mode of ["inline", "json"] as const) {
            const statement = classify(items, where, mode);
            if (statement === undefined) skipped++;
            else checks.push({ where, mode, statement });
          }
        }
        const results = await db.batch([
          ...insertStatements(db, data),
          ...checks.map((c) => db.prepare(c.statement.text).bind(...c.statement.params)),
        ]);
        const offset = results.length - checks.length;
        const rows = data.items.map((row) => withRelations(items, row, data));
        checks.forEach((check, i) => {
          const got = (results[offset + i]!.results as Array<{ id: number; r: number | null }>).map((r) => [
            r.id,
            r.r,
          ]);
          const want = rows.map((row) => {
            const v = evaluateWhere(items, check.where, row);
            return [row.id, v === null ? null : v ? 1 : 0];
          });
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            failure ??=
              `SQL and evaluateWhere disagree (${check.mode} lists)\nwhere: ${JSON.stringify(check.where)}\n` +
              `normalized: ${JSON.stringify(normalizeWhere(items, check.where))}\nSQL: ${check.statement.text}\n` +
              `params: ${JSON.stringify(check.statement.params)}\nsql [id, r]: ${JSON.stringify(got)}\n` +
              `js  [id, r]: ${JSON.stringify(want)}\nrows: ${JSON.stringify(data.items)}`;
            throw new Error("disagreement");
          }
          compared++;
        });
      },
    ),
    { numRuns: DATASETS, seed: SEED, endOnFailure: true },
  );
  if (outcome.failed) throw new Error(`seed ${SEED}: ${failure ?? String(outcome.errorInstance)}`);
  expect(compared).toBeGreaterThanOrEqual(DATASETS * WHERES_PER_DATASET * 2 * 0.99);
  expect(skipped).toBeLessThan(DATASETS * WHERES_PER_DATASET * 2 * 0.01);
});
