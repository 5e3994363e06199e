/**
 * Validation and canonical form of a condition on a JSON column (`v.array`, `v.object`, `v.json`,
 * `v.enumArray`): null checks, `includes`, `includesAny`, `length`, and element conditions.
 *
 * Every key that is not an operator (or `$`-alias) names a field of the array's object elements, and
 * all such keys together mean "some element matches all of them" (`{ sku: "A", qty: { gte: 2 } }`).
 * An element field named like an operator (`length`, `in`, …) therefore cannot be filtered on.
 */
import type { ColumnModel, JsonShape } from "../model";
import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import type { NormalizedJsonOperators } from "./NormalizedWhere";
import { describeKind, normalizeOperand, shapeValueKind, type ValueKind } from "./normalizeOperand";
import { normalizeFieldCondition, normalizeList, normalizeOperators } from "./normalizeOperators";
import { isJsonOperator, JSON_OPERATORS, resolveOperator, unhandledOperator } from "./operators";
import {
  childContext,
  didYouMean,
  fail,
  hasOwn,
  ownEntries,
  sortKeys,
  type WhereContext,
} from "./whereContext";

/** The operators as the errors list them: `eq: null, ne: null, exists, ...`. */
const JSON_OPERATOR_LIST = JSON_OPERATORS.map((op) => (op === "eq" || op === "ne" ? `${op}: null` : op)).join(
  ", ",
);
const LENGTH_KIND: ValueKind = { kind: "number", label: "length" };
// Element field names of untyped JSON go into a JSON path; identifiers keep that path trivially safe.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The JSON shape a column holds; `enumArray` is an array of enum strings. */
export function columnJsonShape(column: ColumnModel): JsonShape {
  if (column.type === "enumArray")
    return { kind: "array", element: { kind: "enum", values: column.enumValues ?? [] } };
  return column.json ?? { kind: "any" };
}

export function normalizeJsonCondition(
  ctx: WhereContext,
  column: ColumnModel,
  value: unknown,
  field: string,
): NormalizedJsonOperators {
  if (value === null) return { eq: null };
  if (!isPlainObject(value)) {
    return fail(
      ctx,
      `JSON field "${field}" cannot be compared with ${describeValue(value)}`,
      `Use an operator object (${JSON_OPERATOR_LIST}, or element conditions like { sku: "A" }), or null for IS NULL.`,
    );
  }
  const shape = columnJsonShape(column);
  // Array operators need an array; untyped JSON may hold one (non-arrays then count as empty arrays).
  const element: JsonShape | undefined =
    shape.kind === "array" ? shape.element : shape.kind === "any" ? shape : undefined;
  const needArray = (keyCtx: WhereContext, key: string): JsonShape => {
    if (element !== undefined) return element;
    return fail(keyCtx, `"${key}" needs a JSON array, but field "${field}" holds a JSON ${shape.kind}`);
  };
  const out: Record<string, unknown> = {};
  const givenAs = new Map<string, string>();
  for (const [key, operand] of ownEntries(ctx, value)) {
    const keyCtx = childContext(ctx, key);
    const op = resolveOperator(key);
    if (op === undefined) {
      out[key] = normalizeElementField(keyCtx, element, key, operand, field);
      continue;
    }
    const previous = givenAs.get(op);
    if (previous !== undefined) {
      fail(keyCtx, `Operator "${key}" repeats "${previous}" on field "${field}"`, "Give each operator once.");
    }
    givenAs.set(op, key);
    if (!isJsonOperator(op)) {
      fail(
        keyCtx,
        `Operator "${key}" does not apply to JSON field "${field}"`,
        `Operators for JSON fields: ${JSON_OPERATOR_LIST}.`,
      );
    }
    const subject = `"${key}" on JSON field "${field}"`;
    switch (op) {
      case "eq":
      case "ne":
        if (operand !== null) {
          fail(
            keyCtx,
            `${subject} only accepts null, got ${describeValue(operand)}`,
            "JSON values are not compared as a whole; use includes, includesAny, length or element conditions.",
          );
        }
        out[op] = null;
        break;
      case "exists":
        if (typeof operand !== "boolean")
          fail(keyCtx, `${subject} expects true or false, got ${describeValue(operand)}`);
        out[op] = operand;
        break;
      case "includes":
      case "includesAny": {
        const kind = shapeValueKind(needArray(keyCtx, key));
        if (kind.kind === "container") {
          fail(
            keyCtx,
            `${subject} needs scalar elements, but the elements are ${describeKind(kind)}s`,
            'Match object elements with element conditions, e.g. { sku: "A", qty: { gte: 2 } }.',
          );
        }
        out[op] = normalizeList(keyCtx, kind, operand, subject);
        break;
      }
      case "length":
        needArray(keyCtx, key);
        out[op] = normalizeLength(keyCtx, operand, subject, `${field}.length`);
        break;
      default:
        unhandledOperator(op);
    }
  }
  return sortKeys(out) as NormalizedJsonOperators;
}

/** `length: 2` or `length: { gte: 2 }`; the array length is never NULL, so `exists` is refused. */
function normalizeLength(ctx: WhereContext, operand: unknown, subject: string, label: string) {
  if (!isPlainObject(operand)) {
    if (operand === null)
      fail(ctx, `${subject} needs a number, got null`, "To test the column for NULL use exists.");
    return { eq: normalizeOperand(ctx, LENGTH_KIND, operand, subject) };
  }
  const ops = normalizeOperators(ctx, LENGTH_KIND, operand, label);
  if (hasOwn(ops, "exists")) {
    fail(
      childContext(ctx, "exists"),
      `"exists" does not apply to "${label}"`,
      "Put exists on the JSON field itself.",
    );
  }
  if (ops.eq === null || ops.ne === null) fail(ctx, `${subject} cannot be compared with null`);
  return ops;
}

function normalizeElementField(
  ctx: WhereContext,
  element: JsonShape | undefined,
  key: string,
  operand: unknown,
  field: string,
) {
  const label = `${field}[].${key}`;
  if (element?.kind === "object") {
    const known = Object.keys(element.shape);
    if (!hasOwn(element.shape, key)) {
      fail(
        ctx,
        `Unknown element field "${key}" for JSON field "${field}"`,
        `${didYouMean(key, known)}Element fields: ${known.join(", ")}. Operators: ${JSON_OPERATOR_LIST}.`,
      );
    }
    return normalizeFieldCondition(ctx, shapeValueKind(element.shape[key]!), operand, label);
  }
  if (element?.kind === "any") {
    if (!IDENTIFIER.test(key)) {
      fail(
        ctx,
        `Unknown operator "${key}" for JSON field "${field}"`,
        `Element field names must be identifiers (letters, digits, _). Operators: ${JSON_OPERATOR_LIST}.`,
      );
    }
    return normalizeFieldCondition(ctx, { kind: "any" }, operand, label);
  }
  const what = element === undefined ? "it is not an array" : "its elements are not objects";
  return fail(
    ctx,
    `Unknown operator "${key}" for JSON field "${field}"`,
    `Element conditions do not apply because ${what}. ${didYouMean(key, JSON_OPERATORS)}Operators: ${JSON_OPERATOR_LIST}.`,
  );
}
