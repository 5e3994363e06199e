// The realtime-precision benchmark Worker: 1,000 subscriptions of a mixed workload over the example
// schema, then random ctx.db writes. After each write it counts the subscriptions that must re-run
// under (a) the ideal (their result changed: every subscription is re-run to know), (b) Appflare's
// read-set matcher (`isStale`), (c) appflare 0.2's overlap rule (table match + a shared key's value).

import type schema from "../../apps/example/schema";
import { isStale } from "../../packages/realtime-do/src/matching/isStale";
import type { RealtimeEvent, RealtimeRead } from "../../packages/realtime-do/src/RealtimeExecutor";
import { createDb } from "../../packages/server/src/db/createDb";
import { d1Executor } from "../../packages/server/src/db/D1Executor";
import type { DbRuntime } from "../../packages/server/src/db/DbRuntime";
import { compiledExample } from "../support/compiledExample";
import { createTables } from "../support/createTables";
import { seedProjects } from "../support/seedProjects";
import { type BenchSub, prng, randomWrite, type WriteState, workload } from "./workload";

interface Env {
  DB: D1Database;
}

interface Live {
  readonly sub: BenchSub;
  json: string;
  reads: readonly RealtimeRead[];
}

const model = compiledExample.model;
let live: Live[] = [];
let state: WriteState = { tasks: [], nextTitle: 0 };
let rnd = prng(11);
let projects = 0;

function runtimeOf(env: Env): DbRuntime {
  return {
    model,
    executor: d1Executor(env.DB),
    limits: { defaultLimit: 100, maxLimit: 1000 },
    reads: [],
    events: [],
  };
}

async function runSub(env: Env, sub: BenchSub): Promise<{ json: string; reads: RealtimeRead[] }> {
  const runtime = runtimeOf(env);
  const data = await sub.run(createDb<typeof schema>(runtime));
  return { json: JSON.stringify(data) ?? "null", reads: [...runtime.reads] as RealtimeRead[] };
}

/** appflare 0.2: re-run when the event's table is the query's and a shared key's value overlaps. */
function overlapRule(sub: BenchSub, events: readonly RealtimeEvent[]): boolean {
  return events.some(
    (e) =>
      e.table === sub.table &&
      [...e.before, ...e.after].some((row) =>
        Object.entries(sub.keys).some(
          ([key, values]) =>
            key in row && values.some((v) => row[key] === v || (typeof v === "boolean" && row[key] === v)),
        ),
      ),
  );
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      const body = (await request.json()) as unknown;
      projects = Number(url.searchParams.get("projects") ?? 40);
      await createTables(env.DB, body as never);
      await seedProjects(env.DB, { projects, labelsPerTask: 1 });
      state = { tasks: Array.from({ length: projects * 8 }, (_, i) => i + 1), nextTitle: 0 };
      rnd = prng(11);
      return Response.json({ ok: true });
    }
    if (url.pathname === "/subscribe") {
      const count = Number(url.searchParams.get("count") ?? 1000);
      live = [];
      // Identical subscriptions share one key and one run in the Durable Object: count runs per key.
      const keys = new Map<string, BenchSub>();
      for (const sub of workload(count, projects)) keys.set(sub.key, sub);
      for (const sub of keys.values()) live.push({ sub, ...(await runSub(env, sub)) });
      return Response.json({ subscriptions: count, keys: live.length });
    }
    if (url.pathname === "/step") {
      const runtime = runtimeOf(env);
      const write = await randomWrite(createDb<typeof schema>(runtime), rnd, state, projects);
      const events = runtime.events as unknown as RealtimeEvent[];
      let ideal = 0;
      let ours = 0;
      let overlap = 0;
      let missed = 0;
      let overlapMissed = 0;
      for (const entry of live) {
        const stale = events.some((e) => isStale(model, entry.reads, e));
        const old = overlapRule(entry.sub, events);
        const fresh = await runSub(env, entry.sub);
        const changed = fresh.json !== entry.json;
        if (changed) ideal++;
        if (stale) ours++;
        if (old) overlap++;
        if (changed && !stale) missed++;
        if (changed && !old) overlapMissed++;
        // A re-run records fresh reads (as the Durable Object does); an untouched one keeps its reads.
        if (stale || changed) {
          entry.json = fresh.json;
          entry.reads = fresh.reads;
        }
      }
      return Response.json({ write, events: events.length, ideal, ours, overlap, missed, overlapMissed });
    }
    return new Response("not found", { status: 404 });
  },
};
