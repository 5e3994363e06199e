import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { AppflareConfig } from "../../src/config/AppflareConfig";
import { resolveConfig } from "../../src/config/resolveConfig";
import { d1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";
import { createHandlerContext } from "../../src/http/createHandlerContext";
import { createWorker } from "../../src/http/createWorker";
import { HandlerEngine } from "../../src/http/HandlerEngine";
import { validateArgs } from "../../src/http/validateArgs";
import type { MutationEventsInfo, WorkerHooks } from "../../src/http/WorkerHooks";
import type { TaskRun } from "../../src/scheduler/consumeSchedulerBatch";
import {
  createSchedulerRuntime,
  type SchedulerTaskHandler,
} from "../../src/scheduler/createSchedulerRuntime";
import schema from "../boardSchema";
import { modules } from "./app/modules";

export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS);
}

/** One `send` a {@link recordingQueue} saw. */
export interface Sent {
  readonly body: unknown;
  readonly options: QueueSendOptions | undefined;
}

/** Wraps a real Queue producer binding: every send is recorded, then forwarded to the real queue. */
export function recordingQueue(real: Queue): { queue: Queue; sent: Sent[] } {
  const sent: Sent[] = [];
  const queue = {
    async send(body: unknown, options?: QueueSendOptions) {
      sent.push({ body: structuredClone(body), options });
      return real.send(body, options);
    },
    async sendBatch(messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) {
      for (const m of messages) sent.push({ body: structuredClone(m.body), options: undefined });
      return real.sendBatch(messages, options);
    },
  };
  return { queue: queue as unknown as Queue, sent };
}

/** Published mutation events, as `hooks.onMutationEvents` received them. */
export const published: { name: string; kind: string; tables: string[] }[] = [];

/**
 * The wiring expected of the HTTP layer: `ctx.scheduler` (and `ctx.job`) through `extendContext`,
 * `worker.queue` through the scheduler runtime with the engine running each task.
 */
export function makeSchedulerApp(config: AppflareConfig = {}) {
  const resolved = resolveConfig(config);
  const scheduler = createSchedulerRuntime({ config: resolved, modules });
  const hooks: WorkerHooks<Cloudflare.Env, object> = {
    extendContext: (_ctx, info) => scheduler.contextFields(info),
    onMutationEvents: (events, info: MutationEventsInfo<Cloudflare.Env>) => {
      published.push({ name: info.name, kind: info.kind, tables: events.map((e) => e.table) });
    },
  };
  const app = createWorker({ schema, config, modules, hooks });
  const engine = new HandlerEngine<Cloudflare.Env>({ schema, config: resolved, hooks });
  const runTask = (run: TaskRun<Cloudflare.Env, SchedulerTaskHandler>) =>
    engine.runJob({
      kind: "scheduler",
      name: run.task,
      definition: run.definition,
      rawArgs: run.payload,
      env: run.env,
      executionCtx: run.executionCtx,
    });
  return {
    ...app,
    scheduler,
    queue: (batch: MessageBatch, bindings: Cloudflare.Env, ctx: ExecutionContext) =>
      scheduler.consume(batch, bindings, ctx, runTask),
  };
}

/** A test env whose producer and dead-letter bindings record their sends. */
export function recordingEnv(overrides: Partial<Cloudflare.Env> = {}) {
  const producer = recordingQueue(env.APPFLARE_QUEUE);
  const deadLetter = recordingQueue(env.APPFLARE_QUEUE_DLQ);
  const bindings: Cloudflare.Env = {
    ...env,
    APPFLARE_QUEUE: producer.queue,
    APPFLARE_QUEUE_DLQ: deadLetter.queue,
    ...overrides,
  };
  return { env: bindings, sent: producer.sent, deadLettered: deadLetter.sent };
}

/** `POST /mutations/<name>` with a real execution context; returns status and parsed body. */
export async function mutate(
  app: ReturnType<typeof makeSchedulerApp>,
  bindings: Cloudflare.Env,
  name: string,
  args: unknown = {},
): Promise<{ status: number; body: unknown }> {
  const ctx = createExecutionContext();
  const res = await app.worker.fetch(
    new Request(`http://appflare.test/mutations/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args),
    }),
    bindings,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: await res.json() };
}

export async function labelCount(where: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM labels WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Runs a task the way `HandlerEngine.runJob` will once it forwards `job` into the `ContextInfo` it
 * builds (the change the scheduler asks of the HTTP layer): same context construction, plus `job`,
 * which `scheduler.contextFields` turns into `ctx.job`.
 */
export function jobAwareRunner(app: ReturnType<typeof makeSchedulerApp>) {
  return async (run: TaskRun<Cloudflare.Env, SchedulerTaskHandler>): Promise<void> => {
    const runtime: DbRuntime = {
      model: schema.model,
      executor: d1Executor(run.env.DB),
      limits: app.config.database.query,
      reads: [],
      events: [],
    };
    const info = {
      kind: "scheduler" as const,
      name: run.task,
      env: run.env,
      request: undefined,
      executionCtx: run.executionCtx,
      runtime,
      user: null,
      job: run.job,
    };
    const ctx = await createHandlerContext({
      info,
      schema,
      database: run.env.DB,
      caller: null,
      tracker: { usesUser: false },
      extendContext: (_ctx, contextInfo) => app.scheduler.contextFields(contextInfo),
    });
    const args = await validateArgs(run.definition.args, run.payload);
    await run.definition.handler(ctx as never, args as never);
  };
}
