const MAX_STRING = 40;

/**
 * A short description of a bad value for an error message, worded the same on every path (where,
 * reads, writes, config, schema): `string "abc"` (cut at 40 characters), `number NaN`, `boolean true`,
 * `bigint 5n`, `null`, `undefined`, `an array`, `a Date` / `an invalid Date`, `a function`,
 * `an object`. Never prints an object's content: messages stay short and leak nothing.
 *
 * @example
 * describeValue("x".repeat(50)); // 'string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"'
 * describeValue([1]);            // "an array"
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : "a Date";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value)}`;
    case "number":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "bigint":
      return `bigint ${String(value)}n`;
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
