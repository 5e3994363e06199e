import { createDb } from "../../packages/server/src/db/createDb";
import type { D1Executor } from "../../packages/server/src/db/D1Executor";
import type { DbRuntime } from "../../packages/server/src/db/DbRuntime";
import type schema from "../../packages/server/test/boardSchema";
import { compiledExample } from "./compiledExample";

/**
 * `ctx.db` over the example schema as a generated Worker builds it (default limits 100 / 1000, no
 * read records or mutation events kept), running its SQL on `executor` — `d1Executor(env.DB)`, or a
 * `countingExecutor` around it.
 */
export function exampleDb(executor: D1Executor) {
  const runtime: DbRuntime = {
    model: compiledExample.model,
    executor,
    limits: { defaultLimit: 100, maxLimit: 1000 },
    reads: [],
    events: [],
  };
  return createDb<typeof schema>(runtime);
}
