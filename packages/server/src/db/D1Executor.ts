import type { D1Queryable } from "./D1Session";
import type { Sql } from "./sql";

/** Raw result rows of one statement: objects keyed by SQL column name. */
export type SqlRow = Record<string, unknown>;

/** One D1 round trip per method call. Tests wrap it to count round trips. */
export interface D1Executor {
  /** Runs one statement and returns its rows. */
  all(statement: Sql): Promise<SqlRow[]>;
  /** Runs statements atomically (one D1 batch = one implicit transaction); rows per statement. */
  batch(statements: readonly Sql[]): Promise<SqlRow[][]>;
}

/** The executor over a real D1 binding or a Sessions API session. */
export function d1Executor(db: D1Queryable): D1Executor {
  const prepare = (s: Sql) => db.prepare(s.text).bind(...s.params);
  return {
    async all(statement) {
      const result = await prepare(statement).all<SqlRow>();
      return result.results;
    },
    async batch(statements) {
      if (statements.length === 0) return [];
      const results = await db.batch<SqlRow>(statements.map(prepare));
      return results.map((r) => r.results ?? []);
    },
  };
}

/** Wraps an executor and counts round trips (`all` calls + `batch` calls). */
export function countingExecutor(inner: D1Executor): D1Executor & { readonly calls: number; reset(): void } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    reset() {
      calls = 0;
    },
    all(statement) {
      calls++;
      return inner.all(statement);
    },
    batch(statements) {
      calls++;
      return inner.batch(statements);
    },
  };
}
