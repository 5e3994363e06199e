import { FORBIDDEN_KEYS } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { invalidQuery } from "../where/toInvalidQuery";

/**
 * The own keys of a read's argument object, checked: `undefined` means "no arguments", anything
 * else must be a plain object whose keys are in `allowed` (never `__proto__`, `constructor`,
 * `prototype`). Keys whose value is `undefined` count as absent, as in an optional TS property.
 * `label` names the argument in messages, e.g. `findMany on table "tasks"`.
 *
 * @example
 * const args = readArgs({ where: {}, limit: 10 }, 'findMany on table "tasks"', ["where", "limit"]);
 * args.get("limit"); // 10
 */
export function readArgs(value: unknown, label: string, allowed: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value === undefined) return out;
  if (!isPlainObject(value)) {
    invalidQuery(
      `The arguments of ${label} must be an object like { where, limit }, got ${describeValue(value)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) {
      invalidQuery(
        `Forbidden key "${key}" in the arguments of ${label}`,
        "The keys __proto__, constructor and prototype are never accepted.",
      );
    }
    if (!allowed.includes(key)) {
      invalidQuery(`Unknown argument "${key}" for ${label}`, `Arguments: ${allowed.join(", ")}.`);
    }
    const item = value[key];
    if (item !== undefined) out.set(key, item);
  }
  return out;
}

/**
 * A non-negative integer argument (`limit`, `offset`, `pageSize`), at most `max` when given.
 *
 * @example
 * readCount(5000, "limit", 'findMany on table "tasks"', 1000); // throws: over the maximum
 */
export function readCount(value: unknown, name: string, label: string, max?: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    invalidQuery(`${name} of ${label} must be a whole number ≥ 0, got ${describeValue(value)}`);
  }
  if (max !== undefined && value > max) {
    invalidQuery(
      `${name} ${value} of ${label} is over the maximum of ${max}`,
      `Pass ${name} ≤ ${max}, or read every row with iterate(), which pages by primary key.`,
    );
  }
  return value;
}
