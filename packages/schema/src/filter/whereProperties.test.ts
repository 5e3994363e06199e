import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowArbitrary, whereArbitrary } from "../../test/arbitraries";
import type { TableModel } from "../model";
import { evaluateWhere } from "./evaluateWhere";
import { normalizeWhere } from "./normalizeWhere";
import { RelationDataNeededError } from "./RelationDataNeededError";
import { projectsTable, tasksTable } from "./testFixtures";

type Outcome = boolean | null | "needs-relation-data";

function outcome(table: TableModel, where: unknown, row: Record<string, unknown>): Outcome {
  try {
    return evaluateWhere(table, where, row);
  } catch (error) {
    if (error instanceof RelationDataNeededError) return "needs-relation-data";
    throw error;
  }
}

function not3(value: Outcome): Outcome {
  return value === true ? false : value === false ? true : value;
}

const NUM_RUNS = 1000;
// Property runs are CPU-bound; a loaded 2-core CI machine needs more than the 5 s default.
const TIMEOUT = 60_000;

describe.each([
  ["tasks", tasksTable],
  ["projects", projectsTable],
])("where properties on %s", (_name, table) => {
  const wheres = whereArbitrary(table, { depth: 2 });
  const rows = rowArbitrary(table, { relationDepth: 2 });

  it(
    "not p is the three-valued NOT of p, and p / not p / UNKNOWN partition the rows",
    () => {
      fc.assert(
        fc.property(wheres, rows, (where, row) => {
          const p = outcome(table, where, row);
          const notP = outcome(table, { not: where }, row);
          expect(notP).toBe(not3(p));
          if (p !== "needs-relation-data") {
            const holds = [p === true, notP === true, p === null].filter(Boolean);
            expect(holds).toHaveLength(1);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "normalizeWhere is idempotent, JSON-stable, and preserves evaluation",
    () => {
      fc.assert(
        fc.property(wheres, rows, (where, row) => {
          const once = normalizeWhere(table, where);
          expect(normalizeWhere(table, once)).toEqual(once);
          expect(JSON.parse(JSON.stringify(once))).toEqual(once);
          expect(outcome(table, once, row)).toBe(outcome(table, where, row));
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "De Morgan: not (a or b) = (not a) and (not b)",
    () => {
      fc.assert(
        fc.property(wheres, wheres, rows, (a, b, row) => {
          expect(outcome(table, { not: { or: [a, b] } }, row)).toBe(
            outcome(table, { and: [{ not: a }, { not: b }] }, row),
          );
        }),
        { numRuns: 1000 },
      );
    },
    TIMEOUT,
  );

  it(
    "generated wheres hit every outcome (the generators are not degenerate)",
    () => {
      const counts = new Map<Outcome, number>();
      const shallowRows = rowArbitrary(table, { relationDepth: 1 });
      fc.assert(
        fc.property(wheres, shallowRows, (where, row) => {
          const result = outcome(table, where, row);
          counts.set(result, (counts.get(result) ?? 0) + 1);
        }),
        { numRuns: 2000, seed: 42 },
      );
      for (const result of [true, false, null, "needs-relation-data"] as const) {
        expect(counts.get(result) ?? 0, String(result)).toBeGreaterThan(10);
      }
    },
    TIMEOUT,
  );
});
