/**
 * Plain data objects only: `{}` literals, `JSON.parse` output, `Object.create(null)` — not arrays,
 * Dates, class instances or other objects whose prototype could carry behaviour. Every path that
 * accepts an object from a caller (where, read and write arguments, config) asks this one question.
 *
 * @example
 * isPlainObject({ a: 1 });     // true
 * isPlainObject(new Date());   // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
