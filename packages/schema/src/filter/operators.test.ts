import { describe, expect, it } from "vitest";
import { normalizeWhere } from "./normalizeWhere";
import {
  isJsonOperator,
  JSON_OPERATORS,
  type JsonOperator,
  NORMALIZED_OPERATORS,
  unhandledOperator,
} from "./operators";
import { tasksTable } from "./testFixtures";

/** An operand per JSON operator: keyed by JsonOperator, so a new one must be given one here. */
const SAMPLE: Record<JsonOperator, unknown> = {
  eq: null,
  ne: null,
  exists: true,
  includes: ["urgent"],
  includesAny: ["urgent"],
  length: 2,
};

describe("one JSON operator vocabulary", () => {
  it.each(JSON_OPERATORS)("the validator accepts %s on a JSON column", (op) => {
    expect(Object.keys(normalizeWhere(tasksTable, { flags: { [op]: SAMPLE[op] } }).flags ?? {})).toEqual([
      op,
    ]);
  });

  it("every JSON operator is a normalized operator, and isJsonOperator knows exactly them", () => {
    for (const op of JSON_OPERATORS) expect(NORMALIZED_OPERATORS).toContain(op);
    for (const op of NORMALIZED_OPERATORS)
      expect(isJsonOperator(op)).toBe(JSON_OPERATORS.some((j) => j === op));
    expect(isJsonOperator("sku")).toBe(false);
  });

  it("unhandledOperator fails loudly if a value slips past the types", () => {
    expect(() => unhandledOperator("later" as never)).toThrow('Operator "later" has no case here');
  });

  it("the errors list the operators from the same constant", () => {
    expect(() => normalizeWhere(tasksTable, { flags: { gt: 1 } })).toThrow(
      "Operators for JSON fields: eq: null, ne: null, exists, includes, includesAny, length.",
    );
  });
});
