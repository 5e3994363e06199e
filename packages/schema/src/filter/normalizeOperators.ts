/**
 * Validation and canonical form of the condition on one scalar field: `title: "x"`,
 * `dueAt: { gte: date }`, `name: { $regex: "a", $options: "i" }`. Used for table columns, for the
 * fields of JSON array elements, and for `length`.
 */

import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import type { NormalizedOperators, NormalizedScalar } from "./NormalizedWhere";
import { describeKind, normalizeOperand, type ValueKind } from "./normalizeOperand";
import { LIKE_OPERATORS, resolveOperator, WHERE_LIMITS, type WhereOperator } from "./operators";
import {
  childContext,
  didYouMean,
  elementContext,
  fail,
  hasOwn,
  ownEntries,
  sortKeys,
  type WhereContext,
} from "./whereContext";

const ORDERED: readonly WhereOperator[] = ["eq", "ne", "in", "nin", "gt", "gte", "lt", "lte", "exists"];
const TEXT: readonly WhereOperator[] = [
  ...ORDERED,
  "contains",
  "startsWith",
  "endsWith",
  "regex",
  "mode",
  "options",
];
const NULL_CHECKS: readonly WhereOperator[] = ["eq", "ne", "exists"];

/** Operators accepted on a field of this kind (bare names; `$` aliases are accepted too). */
export function operatorsForKind(kind: ValueKind): readonly WhereOperator[] {
  switch (kind.kind) {
    case "string":
    case "enum":
    case "any":
      return TEXT;
    case "container":
      return NULL_CHECKS;
    default:
      return ORDERED;
  }
}

/**
 * The condition given for a scalar field, in any accepted form, to its canonical operator object:
 * `null` → `{ eq: null }`, a value → `{ eq: value }`, an operator object → validated and sorted.
 * `ctx` points at the field; `field` is its name as the user wrote it.
 */
export function normalizeFieldCondition(
  ctx: WhereContext,
  kind: ValueKind,
  value: unknown,
  field: string,
): NormalizedOperators {
  if (value === null) return { eq: null };
  if (isPlainObject(value)) return normalizeOperators(ctx, kind, value, field);
  if (Array.isArray(value)) {
    return fail(
      ctx,
      `Field "${field}" was given an array`,
      "To match any of several values use { in: [...] }.",
    );
  }
  return { eq: normalizeOperand(ctx, kind, value, `Field "${field}"`) };
}

/** An operator object on a scalar field; multiple operators are AND-ed. */
export function normalizeOperators(
  ctx: WhereContext,
  kind: ValueKind,
  operators: Record<string, unknown>,
  field: string,
): NormalizedOperators {
  const allowed = operatorsForKind(kind);
  const out: Record<string, unknown> = {};
  const givenAs = new Map<string, string>();
  for (const [key, operand] of ownEntries(ctx, operators)) {
    const opCtx = childContext(ctx, key);
    const op = resolveOperator(key);
    if (op === undefined) {
      fail(
        opCtx,
        `Unknown operator "${key}" for field "${field}"`,
        `${didYouMean(key, allowed)}Operators for ${describeKind(kind)} fields: ${allowed.join(", ")}.`,
      );
    }
    if (!allowed.includes(op)) refuseOperator(opCtx, kind, key, op, field, allowed);
    const canonical = op === "regex" ? "contains" : op === "options" ? "mode" : op;
    const previous = givenAs.get(canonical);
    if (previous !== undefined) {
      fail(
        opCtx,
        `Operator "${key}" repeats "${previous}" on field "${field}"`,
        "Give each operator once, or combine conditions with and: [...].",
      );
    }
    givenAs.set(canonical, key);
    out[canonical] = normalizeOperatorValue(opCtx, kind, op, operand, `"${key}" on field "${field}"`);
  }
  const modeKey = givenAs.get("mode");
  if (modeKey !== undefined) {
    if (!LIKE_OPERATORS.some((like) => hasOwn(out, like))) {
      fail(
        childContext(ctx, modeKey),
        `"${modeKey}" on field "${field}" only applies together with contains, startsWith, endsWith or regex`,
        "Case-insensitive equality is not supported; use contains/startsWith/endsWith with mode.",
      );
    }
    if (out.mode === "default") delete out.mode;
  }
  return sortKeys(out) as NormalizedOperators;
}

function refuseOperator(
  ctx: WhereContext,
  kind: ValueKind,
  key: string,
  op: WhereOperator,
  field: string,
  allowed: readonly WhereOperator[],
): never {
  if (op === "geoWithin") {
    return fail(
      ctx,
      `"${key}" is not an operator of field "${field}"`,
      "Put geoWithin at the top of a where object: { geoWithin: { $geometry, latitudeField, longitudeField, maxDistance } }.",
    );
  }
  const hint =
    op === "includes" || op === "includesAny" || op === "length"
      ? `"${op}" only applies to JSON array fields. `
      : "";
  return fail(
    ctx,
    `Operator "${key}" does not apply to ${describeKind(kind)} field "${field}"`,
    `${hint}Operators for ${describeKind(kind)} fields: ${allowed.join(", ")}.`,
  );
}

function normalizeOperatorValue(
  ctx: WhereContext,
  kind: ValueKind,
  op: WhereOperator,
  operand: unknown,
  subject: string,
): unknown {
  switch (op) {
    case "eq":
    case "ne":
      return operand === null ? null : normalizeOperand(ctx, kind, operand, subject);
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      if (operand === null) {
        return fail(
          ctx,
          `${subject} needs a value, got null`,
          "To test for NULL use exists: false or eq: null.",
        );
      }
      return normalizeOperand(ctx, kind, operand, subject);
    case "in":
    case "nin":
      return normalizeList(ctx, kind, operand, subject);
    case "exists":
      if (typeof operand !== "boolean") {
        return fail(ctx, `${subject} expects true or false, got ${describeValue(operand)}`);
      }
      return operand;
    case "contains":
    case "startsWith":
    case "endsWith":
    case "regex":
      if (typeof operand !== "string") {
        return fail(
          ctx,
          `${subject} expects a string, got ${describeValue(operand)}`,
          "The pattern is a plain substring: % _ and \\ match themselves.",
        );
      }
      return operand;
    case "mode":
      if (operand === "insensitive" || operand === "default") return operand;
      return fail(ctx, `${subject} expects "insensitive" or "default", got ${describeValue(operand)}`);
    case "options":
      if (operand === "i") return "insensitive";
      if (operand === "") return "default";
      return fail(
        ctx,
        `${subject} expects "i", got ${describeValue(operand)}`,
        'Only case-insensitivity ("i") is supported.',
      );
    default:
      // includes/includesAny/length/geoWithin never reach here: operatorsForKind refuses them.
      return fail(ctx, `${subject} is not supported here`);
  }
}

/**
 * A list operand (`in`, `nin`, `includes`, `includesAny`): an array of at most 1000 non-null operands.
 * NULL is refused rather than given SQL's surprising `x IN (1, NULL)` semantics (never false).
 */
export function normalizeList(
  ctx: WhereContext,
  kind: ValueKind,
  operand: unknown,
  subject: string,
): NormalizedScalar[] {
  if (!Array.isArray(operand)) {
    return fail(ctx, `${subject} expects an array, got ${describeValue(operand)}`);
  }
  if (operand.length > WHERE_LIMITS.maxListLength) {
    return fail(
      ctx,
      `${subject} has ${operand.length} items; the limit is ${WHERE_LIMITS.maxListLength}`,
      "Split the list into several conditions combined with or: [...].",
    );
  }
  // Array.from visits holes of sparse arrays (as undefined, refused) where map would skip them.
  return Array.from(operand, (item: unknown, index) => {
    const itemCtx = elementContext(ctx, index);
    if (item === null) {
      return fail(
        itemCtx,
        `${subject} contains null`,
        "NULL never equals anything in SQL; to also match NULL use or: [{ field: { in: [...] } }, { field: null }].",
      );
    }
    return normalizeOperand(itemCtx, kind, item, subject);
  });
}
