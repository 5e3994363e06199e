import {
  applyD1Migrations,
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuthRuntime } from "../../src/auth/createAuthRuntime";
import { resolveConfig } from "../../src/config/resolveConfig";
import { collectCronTriggers, cronSchedule } from "../../src/cron/collectCronTriggers";
import { collectHandlers } from "../../src/handlers/collectHandlers";
import { createWorker } from "../../src/http/createWorker";
import { createSchedulerRuntime } from "../../src/scheduler/createSchedulerRuntime";
import type { SchedulerMessageBody } from "../../src/scheduler/SchedulerMessage";
import schema from "../boardSchema";
import { recordingQueue } from "../scheduler/support";
import { modules } from "./app/modules";
import { seen } from "./app/seen";

const resolved = resolveConfig({});
const auth = createAuthRuntime({ schema, config: resolved });
const scheduler = createSchedulerRuntime({ config: resolved, modules });
const published: string[] = [];
const app = createWorker({
  schema,
  config: {},
  modules,
  hooks: {
    resolveSession: auth.resolveSession,
    // Merged by descriptor, not spread: spreading would run the lazy `auth`/`scheduler` getters.
    extendContext: (_ctx, info) =>
      Object.defineProperties(
        {},
        {
          ...Object.getOwnPropertyDescriptors(auth.contextFields(info.env)),
          ...Object.getOwnPropertyDescriptors(scheduler.contextFields(info)),
        },
      ) as ReturnType<typeof auth.contextFields> & ReturnType<typeof scheduler.contextFields>,
    onMutationEvents: (events, info) => void published.push(`${info.kind} ${info.name} ${events.length}`),
  },
});

beforeAll(() => applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS));

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  seen.length = 0;
  published.length = 0;
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

/** Fires `cron`; resolves to what `worker.scheduled` threw (`undefined` when the run succeeded). */
async function fire(cron: string, bindings: Cloudflare.Env = env): Promise<unknown> {
  const ctx = createExecutionContext();
  try {
    await app.worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), bindings, ctx);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await waitOnExecutionContext(ctx);
  }
}

const purged = async () =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM labels WHERE name LIKE 'cron-purge-%'").first<{
      n: number;
    }>()
  )?.n ?? 0;

describe("collectCronTriggers", () => {
  it("lists every cron expression once, normalized and sorted", () => {
    const handlers = collectHandlers(modules);
    expect(collectCronTriggers(handlers)).toEqual(["*/15 * * * *", "0 3 * * *"]);
    expect(collectCronTriggers(handlers.map((h) => h.definition))).toEqual(["*/15 * * * *", "0 3 * * *"]);
    expect(collectCronTriggers([{ kind: "cron", cronTrigger: [" 5  4 * * 1 "] }, { kind: "query" }])).toEqual(
      ["5 4 * * 1"],
    );
    expect(collectCronTriggers([])).toEqual([]);
  });

  it("cronSchedule maps each expression to the handlers it runs", () => {
    expect([...cronSchedule(collectHandlers(modules))]).toEqual([
      ["*/15 * * * *", ["nightly/report"]],
      ["0 3 * * *", ["nightly/broken", "nightly/purge", "nightly/report"]],
    ]);
  });
});

describe("worker.scheduled", () => {
  it("runs every handler listing the fired expression; one failing is logged by name, stops none and fails the run", async () => {
    const before = await purged();
    const producer = recordingQueue(env.APPFLARE_QUEUE);
    const failure = await fire("0 3 * * *", { ...env, APPFLARE_QUEUE: producer.queue });
    // Re-thrown once all ran, so Cloudflare records the failed invocation.
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).message).toContain('failed: "nightly/broken"');
    expect((failure as AggregateError).errors).toEqual([new Error("nightly report exploded")]);
    expect(seen.map((s) => s.name).sort()).toEqual(["nightly/purge", "nightly/report"]);
    expect(await purged()).toBe(before + 1);
    expect(producer.sent.map((s) => (s.body as SchedulerMessageBody).task)).toEqual(["nightly/mail"]);
    expect(errorLog).toHaveBeenCalledWith(
      '[appflare] cron handler "nightly/broken" failed on "0 3 * * *":',
      new Error("nightly report exploded"),
    );
    expect(published).toEqual(["cron nightly/purge 1"]);
  });

  it("runs only the handlers of the fired expression", async () => {
    const before = await purged();
    expect(
      await fire("*/15 * * * *", { ...env, APPFLARE_QUEUE: recordingQueue(env.APPFLARE_QUEUE).queue }),
    ).toBeUndefined();
    expect(seen.map((s) => s.name)).toEqual(["nightly/report"]);
    expect(await purged()).toBe(before);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("gives cron handlers no user, no session and no request, but ctx.auth and ctx.scheduler", async () => {
    await fire("0 3 * * *", { ...env, APPFLARE_QUEUE: recordingQueue(env.APPFLARE_QUEUE).queue });
    for (const s of seen) {
      expect(s).toMatchObject({ user: null, session: null, hasRequest: false, hasAuth: true });
    }
  });

  it("does nothing for an expression no handler lists, but warns", async () => {
    const warnLog = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await fire("59 23 31 12 *")).toBeUndefined();
      expect(seen).toEqual([]);
      expect(errorLog).not.toHaveBeenCalled();
      expect(warnLog).toHaveBeenCalledWith(
        expect.stringContaining('"59 23 31 12 *" fired but no cron handler'),
      );
    } finally {
      warnLog.mockRestore();
    }
  });
});
