/**
 * Bounds of a JSON column value written through ctx.db. SQLite refuses to parse JSON nested deeper
 * than 1000 levels, and reads embed a JSON column inside `json_object` layers (one per `with` level),
 * so a document near that depth would be stored and then break every read that loads it. 100 levels
 * leaves that margin; 1 MB keeps a row well under D1's 2 MB row limit.
 */
export const JSON_LIMITS = Object.freeze({ maxDepth: 100, maxBytes: 1_000_000 });

/**
 * Why a JSON value is too deep or too large to store, or `undefined`. Walks iteratively, stopping at
 * the first level over the limit, so a hostile value cannot overflow the stack.
 *
 * @example
 * jsonLimitProblem({ a: { b: 1 } }); // undefined
 */
export function jsonLimitProblem(value: unknown): string | undefined {
  if (jsonDeeperThan(value, JSON_LIMITS.maxDepth)) {
    return `JSON nested more than ${JSON_LIMITS.maxDepth} levels deep (JSON_LIMITS.maxDepth); flatten the document`;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(value) ?? "").length;
  if (bytes > JSON_LIMITS.maxBytes) {
    return `JSON of ${bytes} bytes is over ${JSON_LIMITS.maxBytes} (JSON_LIMITS.maxBytes); store large documents in storage and keep a key here`;
  }
  return undefined;
}

/** SQLite's own JSON nesting limit (JSON_MAX_DEPTH): deeper text is invalid JSON to SQL. */
export const SQLITE_JSON_MAX_DEPTH = 1000;

/**
 * `true` when a parsed JSON value has more than `max` levels of arrays/objects. Breadth-first and
 * iterative, stopping at the first level over `max`, so any depth is safe to check.
 *
 * @example
 * jsonDeeperThan([[1]], 1); // true
 */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 1; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item !== "object" || item === null || item instanceof Date) continue;
      if (depth > max) return true;
      for (const child of Object.values(item)) next.push(child);
    }
    level = next;
  }
  return false;
}
