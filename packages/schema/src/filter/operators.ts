/**
 * The vocabulary of the where language, shared by the validator, the JS evaluator and the server's
 * SQL compiler, so that adding an operator is a compile error everywhere it is not handled yet.
 */

/** Every operator of the where language, spelled without the optional `$` prefix. */
export const WHERE_OPERATORS = [
  "eq",
  "ne",
  "in",
  "nin",
  "gt",
  "gte",
  "lt",
  "lte",
  "exists",
  "contains",
  "startsWith",
  "endsWith",
  "regex",
  "mode",
  "options",
  "includes",
  "includesAny",
  "length",
  "geoWithin",
] as const;
export type WhereOperator = (typeof WHERE_OPERATORS)[number];

/** Operators that can appear in the output of `normalizeWhere` (aliases resolved, `geoWithin` is a where key). */
export const NORMALIZED_OPERATORS = [
  "eq",
  "ne",
  "in",
  "nin",
  "gt",
  "gte",
  "lt",
  "lte",
  "exists",
  "contains",
  "startsWith",
  "endsWith",
  "mode",
  "includes",
  "includesAny",
  "length",
] as const;
export type NormalizedOperator = (typeof NORMALIZED_OPERATORS)[number];

/**
 * The operators of a condition on a JSON column (`v.json`, `v.array`, `v.object`, `v.enumArray`); every
 * other key of such a condition names a field of the array's object elements. The validator, the JS
 * evaluator and the server's SQL compiler switch over this list with {@link unhandledOperator} as
 * their default, so an operator added here and not handled there fails to compile.
 */
export const JSON_OPERATORS = [
  "eq",
  "ne",
  "exists",
  "includes",
  "includesAny",
  "length",
] as const satisfies readonly NormalizedOperator[];
export type JsonOperator = (typeof JSON_OPERATORS)[number];

/** Keys of a where object that combine other where objects (each also accepted with a `$` prefix). */
export const WHERE_COMBINATORS = ["and", "or", "not"] as const;
export type WhereCombinator = (typeof WHERE_COMBINATORS)[number];

export const COMPARISON_OPERATORS = ["eq", "ne", "gt", "gte", "lt", "lte"] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** Substring operators, after `regex` was resolved to `contains`. */
export const LIKE_OPERATORS = ["contains", "startsWith", "endsWith"] as const;
export type LikeOperator = (typeof LIKE_OPERATORS)[number];

/** Limits every where is held to; see `validateWhere` for how depth is counted. */
export const WHERE_LIMITS = {
  /** Object levels, the where object itself being level 1. */
  maxDepth: 16,
  /** Items in `in`, `nin`, `includes` and `includesAny` lists. */
  maxListLength: 1000,
  /**
   * Nodes in one where: every key of every object in it (fields, operators, combinators, relation
   * filters) plus every `and`/`or` branch; list items do not count. Bounds the SQL a where becomes.
   */
  maxNodes: 1000,
} as const;

/** Keys refused anywhere in a where, orderBy or columns object: they are prototype-pollution vectors. */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

const operatorSet: ReadonlySet<string> = new Set(WHERE_OPERATORS);
const combinatorSet: ReadonlySet<string> = new Set(WHERE_COMBINATORS);

/** `"$gte"` and `"gte"` → `"gte"`; anything else → `undefined`. Only one `$` is stripped. */
export function resolveOperator(key: string): WhereOperator | undefined {
  const bare = key.startsWith("$") ? key.slice(1) : key;
  return operatorSet.has(bare) ? (bare as WhereOperator) : undefined;
}

/** `"$or"` and `"or"` → `"or"`; anything else → `undefined`. */
export function resolveCombinator(key: string): WhereCombinator | undefined {
  const bare = key.startsWith("$") ? key.slice(1) : key;
  return combinatorSet.has(bare) ? (bare as WhereCombinator) : undefined;
}

const jsonOperatorSet: ReadonlySet<string> = new Set(JSON_OPERATORS);

/**
 * Whether a key of a normalized JSON condition is an operator (else it names an element field).
 * @example isJsonOperator("includes") // true
 */
export function isJsonOperator(key: string): key is JsonOperator {
  return jsonOperatorSet.has(key);
}

/**
 * The `default` of a switch over an operator union: the argument is `never` once every operator has a
 * case, so adding an operator to its list without a case here is a type error.
 * @example
 * switch (op) { case "eq": ...; default: return unhandledOperator(op); }
 */
export function unhandledOperator(op: never): never {
  throw new Error(`Operator ${JSON.stringify(op)} has no case here; handle it where its list is used`);
}
