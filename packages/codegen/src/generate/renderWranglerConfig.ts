import type { CodegenConfig } from "../project/CodegenConfig";
import { deepMerge } from "./deepMerge";
import { formatJson } from "./formatJson";
import type { HandlerInfo } from "./HandlerInfo";

/**
 * Newest date the pinned workerd (wrangler 4.86, workerd 1.20260426) accepts; newer dates fail at
 * startup on this toolchain.
 */
export const COMPATIBILITY_DATE = "2026-04-01";

/** Inputs of the generated `wrangler.json`. */
export interface WranglerConfigInput {
  readonly config: CodegenConfig;
  /** `main`, relative to the app root (`./_generated/worker.ts`). */
  readonly main: string;
  /** D1 migrations folder, relative to the app root. */
  readonly migrationsDir: string;
  readonly handlers: readonly HandlerInfo[];
  /** Cron expressions for `triggers.crons` (`collectCronTriggers` of `@appflare/server`). */
  readonly crons: readonly string[];
  /** Generate the realtime Durable Object (enabled in config and `@appflare/realtime-do` installed). */
  readonly realtime: boolean;
}

/** Whether the Queues-backed scheduler is on: forced by config, or `auto` with a scheduler/cron handler. */
export function schedulerEnabled(config: CodegenConfig, handlers: readonly HandlerInfo[]): boolean {
  const enabled = config.scheduler.enabled;
  if (enabled !== "auto") return enabled;
  return handlers.some((h) => h.kind === "scheduler" || h.kind === "cron");
}

/**
 * The wrangler config object: D1, R2, KV, Queues, cron triggers and the realtime Durable Object (with
 * its SQLite-class migration), then `config.wrangler` deep-merged over it (arrays replace).
 *
 * @example
 * const wrangler = wranglerConfig({ config, main: "./_generated/worker.ts", migrationsDir: "migrations", handlers, crons, realtime: false });
 */
export function wranglerConfig(input: WranglerConfigInput): Record<string, unknown> {
  const { config, handlers } = input;
  const out: Record<string, unknown> = {
    name: config.name,
    main: input.main,
    compatibility_date: COMPATIBILITY_DATE,
    // Better Auth hashes passwords with node:crypto's scrypt.
    compatibility_flags: ["nodejs_compat"],
    d1_databases: [
      {
        binding: config.database.binding,
        database_name: config.database.databaseName,
        database_id: config.database.databaseId,
        migrations_dir: input.migrationsDir,
      },
    ],
  };
  if (config.storage) {
    out.r2_buckets = [{ binding: config.storage.binding, bucket_name: config.storage.bucketName }];
  }
  if (config.kv) out.kv_namespaces = [{ binding: config.kv.binding, id: config.kv.id }];
  if (input.realtime) {
    out.durable_objects = {
      bindings: [{ name: config.realtime.binding, class_name: config.realtime.className }],
    };
    out.migrations = [{ tag: "v1", new_sqlite_classes: [config.realtime.className] }];
  }
  if (schedulerEnabled(config, handlers)) {
    const { queue, binding, maxRetries, deadLetterQueue } = config.scheduler;
    const consumer: Record<string, unknown> = { queue, max_retries: maxRetries };
    if (deadLetterQueue !== null) consumer.dead_letter_queue = deadLetterQueue;
    out.queues = { producers: [{ binding, queue }], consumers: [consumer] };
  }
  if (input.crons.length > 0) out.triggers = { crons: [...input.crons] };
  return deepMerge(out, config.wrangler);
}

/** `wrangler.json` text: {@link wranglerConfig}, formatted as the repo's formatter would. */
export function renderWranglerConfig(input: WranglerConfigInput): string {
  return formatJson(wranglerConfig(input));
}

/**
 * Worker binding → its workers-types type, for the generated `Env` interface. `handlers.ts` is written
 * before handler modules are loaded, so an `auto` scheduler queue is typed optional (`APPFLARE_QUEUE?`):
 * it exists only once a scheduler or cron handler does.
 */
export function bindingTypes(config: CodegenConfig, realtime: boolean): Record<string, string> {
  const out: Record<string, string> = { [config.database.binding]: "D1Database" };
  if (config.storage) out[config.storage.binding] = "R2Bucket";
  if (config.kv) out[config.kv.binding] = "KVNamespace";
  if (realtime) out[config.realtime.binding] = "DurableObjectNamespace";
  if (config.scheduler.enabled === true) out[config.scheduler.binding] = "Queue";
  if (config.scheduler.enabled === "auto") out[`${config.scheduler.binding}?`] = "Queue";
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
