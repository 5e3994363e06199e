import { env } from "cloudflare:test";
import { countingExecutor, d1Executor } from "../../../src/db/D1Executor";
import type { DbRuntime } from "../../../src/db/DbRuntime";
import { model } from "./fixtureData";

/** A DbRuntime over FIXTURE_DB whose executor counts D1 round trips. */
export function fixtureRuntime(limits = { defaultLimit: 100, maxLimit: 1000 }) {
  const executor = countingExecutor(d1Executor(env.FIXTURE_DB));
  const runtime: DbRuntime = { model, executor, limits, reads: [], events: [] };
  return { runtime, executor };
}
