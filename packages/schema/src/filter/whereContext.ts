/**
 * Internal plumbing of the validators: where we are in the argument (path, depth, table in scope),
 * safe key iteration, and the error helpers that keep every message in one style.
 */
import type { TableModel } from "../model";
import { PRIVATE_FIELD_FIX, privateFieldProblem } from "./dataModel";
import { FORBIDDEN_KEYS, WHERE_LIMITS } from "./operators";
import { WhereError } from "./WhereError";

export interface WhereContext {
  /** Table whose fields are in scope (a relation filter switches to the target table). */
  readonly table: TableModel;
  /** Which argument is being checked, for messages: "where", "orderBy" or "columns". */
  readonly argument: string;
  /** Keys from the argument's root to the current value. */
  readonly path: readonly string[];
  /** Object level of the value at `path` if it is an object: the root object is level 1. */
  readonly depth: number;
  /** Nodes seen so far in this argument (shared by every context of one validation). */
  readonly budget: { nodes: number };
}

export function rootContext(table: TableModel, argument: string): WhereContext {
  return { table, argument, path: [], depth: 1, budget: { nodes: 0 } };
}

/** The value under `key` of the current object: one object level deeper. */
export function childContext(ctx: WhereContext, key: string, table: TableModel = ctx.table): WhereContext {
  return { ...ctx, table, path: [...ctx.path, key], depth: ctx.depth + 1 };
}

/** An element of the array at the current path. Arrays are not an object level of their own. */
export function elementContext(ctx: WhereContext, index: number): WhereContext {
  return { ...ctx, path: [...ctx.path, String(index)] };
}

/** `["and", "0", "title"]` → `and[0].title`. */
export function formatPath(path: readonly string[]): string {
  let out = "";
  for (const key of path) out += /^\d+$/.test(key) ? `[${key}]` : out === "" ? key : `.${key}`;
  return out;
}

/** Throws a WhereError whose message starts with `message`, then names the table and position. */
export function fail(ctx: WhereContext, message: string, fix?: string): never {
  // A top-level key is already named by the message itself.
  const at = ctx.path.length > 1 ? ` at ${ctx.argument}.${formatPath(ctx.path)}` : "";
  const text = `${message} in ${ctx.argument} for table "${ctx.table.name}"${at}.${fix ? ` ${fix}` : ""}`;
  throw new WhereError(text, { path: ctx.path, table: ctx.table.name });
}

/** Throws the "private to the auth layer" WhereError when `key` is a field `ctx.db` hides. */
export function failIfPrivate(ctx: WhereContext, key: string): void {
  const problem = privateFieldProblem(ctx.table, key);
  if (problem !== undefined) fail(ctx, problem, PRIVATE_FIELD_FIX);
}

/**
 * Own enumerable string keys with their values, after checking the object level and refusing
 * prototype keys and `undefined` values. Never reads inherited properties.
 */
export function ownEntries(ctx: WhereContext, object: Record<string, unknown>): Array<[string, unknown]> {
  if (ctx.depth > WHERE_LIMITS.maxDepth) {
    fail(
      ctx,
      `The ${ctx.argument} is nested ${ctx.depth} object levels deep; the limit is ${WHERE_LIMITS.maxDepth}`,
      "Flatten nested and/or/not and relation filters.",
    );
  }
  const keys = Object.keys(object);
  spendNodes(ctx, keys.length);
  const entries: Array<[string, unknown]> = [];
  for (const key of keys) {
    if (FORBIDDEN_KEYS.includes(key)) {
      fail(
        childContext(ctx, key),
        `Forbidden key "${key}"`,
        "The keys __proto__, constructor and prototype are never accepted.",
      );
    }
    const value = object[key];
    if (value === undefined) {
      // Silently dropping it would turn `{ id: maybeUndefined }` into "every row", which is how
      // updates and deletes wipe tables in other ORMs.
      fail(
        childContext(ctx, key),
        `The value of "${key}" is undefined`,
        "Omit the key, or pass null to mean IS NULL.",
      );
    }
    entries.push([key, value]);
  }
  return entries;
}

/**
 * Counts `count` more nodes of the argument, failing past `WHERE_LIMITS.maxNodes`: a where's size, not
 * only its depth, decides how big its SQL gets.
 */
export function spendNodes(ctx: WhereContext, count: number): void {
  ctx.budget.nodes += count;
  if (ctx.budget.nodes > WHERE_LIMITS.maxNodes) {
    fail(
      ctx,
      `The ${ctx.argument} has more than ${WHERE_LIMITS.maxNodes} nodes (keys plus and/or branches); the limit is WHERE_LIMITS.maxNodes = ${WHERE_LIMITS.maxNodes}`,
      "Match many values of one field with in/nin (list items do not count), or split the query.",
    );
  }
}

export function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** The closest candidate within a small edit distance, for "Did you mean …?" hints. */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `Did you mean "title"? ` or an empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestName(input, candidates);
  return match === undefined ? "" : `Did you mean "${match}"? `;
}

/** A copy of `object` with its keys in sorted order, so equal wheres serialize identically. */
export function sortKeys<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) out[key] = object[key];
  return out as T;
}
