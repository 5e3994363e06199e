/**
 * Operand checking: what a value compared with a field must look like, given the field's kind, and
 * its canonical (JSON-serializable) form. Shared by table columns and fields of JSON elements.
 */
import type { ColumnModel, JsonShape } from "../model";
import { describeValue } from "../values/describeValue";
import type { NormalizedScalar } from "./NormalizedWhere";
import { fail, type WhereContext } from "./whereContext";

/** What a field holds, as far as operands are concerned. */
export type ValueKind =
  | { readonly kind: "number"; readonly label: string }
  | { readonly kind: "string"; readonly label: string }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "boolean" }
  /** Table columns store epoch ms; JSON stores `toISOString()` text, whose text order is chronological. */
  | { readonly kind: "date"; readonly inJson: boolean }
  /** `v.json()` data: any JSON scalar may be compared. */
  | { readonly kind: "any" }
  /** A nested JSON array/object inside an element: only null checks apply. */
  | { readonly kind: "container"; readonly label: string };

/** Value kind of a scalar (non-JSON) column. */
export function columnValueKind(column: ColumnModel): ValueKind {
  switch (column.type) {
    case "int":
    case "real":
      return { kind: "number", label: column.type };
    case "string":
    case "uuid":
      return { kind: "string", label: column.type };
    case "enum":
      return { kind: "enum", values: column.enumValues ?? [] };
    case "boolean":
      return { kind: "boolean" };
    case "date":
      return { kind: "date", inJson: false };
    case "json":
    case "enumArray":
      return { kind: "container", label: column.type };
  }
}

/** Value kind of a JSON shape (an element of a JSON array, or a field of such an element). */
export function shapeValueKind(shape: JsonShape): ValueKind {
  switch (shape.kind) {
    case "int":
    case "real":
      return { kind: "number", label: shape.kind };
    case "string":
      return { kind: "string", label: "string" };
    case "enum":
      return { kind: "enum", values: shape.values };
    case "boolean":
      return { kind: "boolean" };
    case "date":
      return { kind: "date", inJson: true };
    case "any":
      return { kind: "any" };
    case "array":
    case "object":
      return { kind: "container", label: `JSON ${shape.kind}` };
  }
}

export function describeKind(kind: ValueKind): string {
  switch (kind.kind) {
    case "number":
    case "string":
    case "container":
      return kind.label;
    case "enum":
      return "enum";
    case "any":
      return "JSON (any)";
    default:
      return kind.kind;
  }
}

// Date-only (UTC midnight) or date-time with an explicit zone: a zone-less time would be read in the
// local time zone of whichever process parses it, so JS and the server could disagree.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Checks one operand against the field's kind and returns its canonical form.
 * `subject` names the operator and field for messages (`"gte" on field "dueAt"`).
 * `enumMembersOnly` is false for substring patterns, which may be any string.
 */
export function normalizeOperand(
  ctx: WhereContext,
  kind: ValueKind,
  value: unknown,
  subject: string,
  enumMembersOnly = true,
): NormalizedScalar {
  const wrong = (expected: string, fix?: string): never =>
    fail(ctx, `${subject} (${describeKind(kind)}) expects ${expected}, got ${describeValue(value)}`, fix);
  switch (kind.kind) {
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
      return wrong("a finite number");
    case "string":
      if (typeof value === "string") return value;
      return wrong("a string");
    case "enum":
      if (typeof value !== "string")
        return wrong(`one of ${kind.values.map((v) => JSON.stringify(v)).join(", ")}`);
      if (enumMembersOnly && !kind.values.includes(value)) {
        return fail(
          ctx,
          `${subject}: ${JSON.stringify(value)} is not a member of the enum`,
          `Allowed values: ${kind.values.map((v) => JSON.stringify(v)).join(", ")}.`,
        );
      }
      return value;
    case "boolean":
      if (typeof value === "boolean") return value;
      return wrong("true or false");
    case "date": {
      const ms = normalizeDate(value, wrong);
      return kind.inJson ? isoInJson(ms, wrong) : ms;
    }
    case "any":
      if (typeof value === "string" || typeof value === "boolean") return value;
      if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
      // JSON.stringify wrote any Date in untyped JSON as its ISO string.
      if (value instanceof Date && !Number.isNaN(value.getTime())) return isoInJson(value.getTime(), wrong);
      return wrong("a string, a finite number or a boolean");
    case "container":
      return wrong("null", "A JSON object or array field only supports exists, eq: null and ne: null.");
  }
}

/** ISO text as JSON.stringify writes a Date; only 4-digit years keep text order = time order. */
function isoInJson(ms: number, wrong: (expected: string, fix?: string) => never): string {
  const iso = new Date(ms).toISOString();
  return iso.length === 24
    ? iso
    : wrong("a date between the years 0000 and 9999 (JSON stores dates as ISO text)");
}

function normalizeDate(value: unknown, wrong: (expected: string, fix?: string) => never): number {
  const expected = "a Date, epoch milliseconds, or an ISO 8601 string with a time zone";
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? wrong(expected) : ms;
  }
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : wrong(expected);
  if (typeof value === "string") {
    const ms = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
    return Number.isNaN(ms) ? wrong(expected, 'e.g. "2024-05-01" or "2024-05-01T12:00:00Z".') : ms;
  }
  return wrong(expected);
}
