import { describe, expect, it } from "vitest";
import type { CodegenConfig } from "../project/CodegenConfig";
import type { HandlerInfo } from "./HandlerInfo";
import { renderWorkerFile } from "./renderWorkerFile";
import { bindingTypes, COMPATIBILITY_DATE, wranglerConfig } from "./renderWranglerConfig";

function config(overrides: Partial<CodegenConfig> = {}): CodegenConfig {
  return {
    name: "app",
    scanDir: "./src",
    outDir: "./_generated",
    schema: "./schema.ts",
    schemaExport: "default",
    exclude: [],
    database: {
      binding: "DB",
      databaseName: "app-db",
      databaseId: "local",
      query: { defaultLimit: 100, maxLimit: 1000 },
    },
    storage: null,
    kv: null,
    auth: { enabled: true, basePath: "/api/auth", additionalFields: {} },
    realtime: {
      enabled: true,
      binding: "APPFLARE_REALTIME",
      className: "AppflareRealtime",
      shards: 1,
      subscribePath: "/realtime/subscribe",
      websocketPath: "/realtime/ws",
      protocol: "appflare.realtime.v1",
      coalesceMs: 0,
    },
    scheduler: {
      enabled: "auto",
      binding: "APPFLARE_QUEUE",
      queue: "app-scheduler",
      maxRetries: 3,
      deadLetterQueue: null,
    },
    cors: null,
    limits: { bodyBytes: 1, uploadBytes: 1 },
    dashboard: { enabled: true, path: "/admin", readOnly: false },
    wrangler: {},
    ...overrides,
  };
}

const handler = (kind: HandlerInfo["kind"], cronTrigger: string[] = []): HandlerInfo => ({
  name: `x/${kind}`,
  kind,
  modulePath: "x",
  exportName: kind,
  cronTrigger,
});

const base = { main: "./_generated/worker.ts", migrationsDir: "migrations", crons: [] };

describe("wranglerConfig", () => {
  it("declares D1 with its migrations folder, nodejs_compat and a supported compatibility date", () => {
    const out = wranglerConfig({ ...base, config: config(), handlers: [], realtime: false });
    expect(out).toEqual({
      name: "app",
      main: "./_generated/worker.ts",
      compatibility_date: COMPATIBILITY_DATE,
      compatibility_flags: ["nodejs_compat"],
      d1_databases: [
        { binding: "DB", database_name: "app-db", database_id: "local", migrations_dir: "migrations" },
      ],
    });
    expect(COMPATIBILITY_DATE <= "2026-04-26").toBe(true);
  });

  it("adds the realtime Durable Object with a SQLite-class migration when realtime is generated", () => {
    const out = wranglerConfig({ ...base, config: config(), handlers: [], realtime: true });
    expect(out.durable_objects).toEqual({
      bindings: [{ name: "APPFLARE_REALTIME", class_name: "AppflareRealtime" }],
    });
    expect(out.migrations).toEqual([{ tag: "v1", new_sqlite_classes: ["AppflareRealtime"] }]);
    const worker = renderWorkerFile({
      outDir: "/app/_generated",
      configFile: "/app/appflare.config.ts",
      schemaFile: "/app/schema.ts",
      schemaExport: "default",
      realtimeClassName: "AppflareRealtime",
    });
    expect(worker).toContain('import { realtime } from "@appflare/realtime-do";');
    expect(worker).toContain("const app = createWorker({ schema, config, modules, plugins: [realtime()] });");
    expect(worker).toContain("export const AppflareRealtime = app.exports.AppflareRealtime;");
    const without = renderWorkerFile({
      outDir: "/app/_generated",
      configFile: "/app/appflare.config.ts",
      schemaFile: "/app/schema.ts",
      schemaExport: "default",
      realtimeClassName: null,
    });
    expect(without).not.toContain("realtime");
    expect(without).toContain("const app = createWorker({ schema, config, modules });");
  });

  it("mounts the dashboard plugin in the worker only when it is available", () => {
    const input = {
      outDir: "/app/_generated",
      configFile: "/app/appflare.config.ts",
      schemaFile: "/app/schema.ts",
      schemaExport: "default",
      realtimeClassName: null,
    };
    const worker = renderWorkerFile({ ...input, dashboard: true });
    expect(worker).toContain('import { dashboard } from "@appflare/dashboard";');
    expect(worker).toContain("createWorker({ schema, config, modules, plugins: [dashboard()] })");
    expect(renderWorkerFile({ ...input, dashboard: false })).not.toContain("dashboard");
    const both = renderWorkerFile({ ...input, realtimeClassName: "AppflareRealtime", dashboard: true });
    expect(both).toContain("plugins: [realtime(), dashboard()]");
  });

  it("adds R2, KV, the scheduler queue (with dead-letter queue) and the cron triggers", () => {
    const out = wranglerConfig({
      ...base,
      config: config({
        storage: { binding: "FILES", bucketName: "app-files" },
        kv: { binding: "CACHE", id: "abc" },
        scheduler: {
          enabled: "auto",
          binding: "Q",
          queue: "jobs",
          maxRetries: 5,
          deadLetterQueue: "jobs-dlq",
        },
      }),
      handlers: [handler("cron", ["0 3 * * *", "0 1 * * *"]), handler("query")],
      crons: ["0 1 * * *", "0 3 * * *"],
      realtime: false,
    });
    expect(out.r2_buckets).toEqual([{ binding: "FILES", bucket_name: "app-files" }]);
    expect(out.kv_namespaces).toEqual([{ binding: "CACHE", id: "abc" }]);
    expect(out.queues).toEqual({
      producers: [{ binding: "Q", queue: "jobs" }],
      consumers: [{ queue: "jobs", max_retries: 5, dead_letter_queue: "jobs-dlq" }],
    });
    expect(out.triggers).toEqual({ crons: ["0 1 * * *", "0 3 * * *"] });
  });

  it("enables the queue for scheduler handlers in auto mode, never when disabled, always when forced", () => {
    const scheduler = [handler("scheduler")];
    expect(
      wranglerConfig({ ...base, config: config(), handlers: [handler("query")], realtime: false }).queues,
    ).toBeUndefined();
    expect(
      wranglerConfig({ ...base, config: config(), handlers: scheduler, realtime: false }).queues,
    ).toBeDefined();
    const off = config({ scheduler: { ...config().scheduler, enabled: false } });
    expect(
      wranglerConfig({ ...base, config: off, handlers: scheduler, realtime: false }).queues,
    ).toBeUndefined();
    const on = config({ scheduler: { ...config().scheduler, enabled: true } });
    expect(wranglerConfig({ ...base, config: on, handlers: [], realtime: false }).queues).toBeDefined();
  });

  it("deep-merges config.wrangler over the generated config, arrays replacing", () => {
    const out = wranglerConfig({
      ...base,
      config: config({
        wrangler: { compatibility_flags: ["nodejs_compat", "x"], vars: { A: "1" }, triggers: { crons: [] } },
      }),
      handlers: [handler("cron", ["0 3 * * *"])],
      crons: ["0 3 * * *"],
      realtime: false,
    });
    expect(out.compatibility_flags).toEqual(["nodejs_compat", "x"]);
    expect(out.vars).toEqual({ A: "1" });
    expect(out.triggers).toEqual({ crons: [] });
  });
});

describe("bindingTypes", () => {
  it("types each binding for the generated Env; an auto scheduler queue is optional", () => {
    expect(bindingTypes(config({ storage: { binding: "FILES", bucketName: "b" } }), true)).toEqual({
      "APPFLARE_QUEUE?": "Queue",
      APPFLARE_REALTIME: "DurableObjectNamespace",
      DB: "D1Database",
      FILES: "R2Bucket",
    });
  });
});
