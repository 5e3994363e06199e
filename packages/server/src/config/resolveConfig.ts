import type { ResolvedConfig } from "./ResolvedConfig";
import { validateConfig } from "./validateConfig";

/** Options of {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /** `name` in the app's package.json; the default Worker name is derived from it. */
  packageName?: string;
}

/**
 * Validates a config (as `defineConfig` does) and applies every default (docs/getting-started.md).
 *
 * @example
 * const resolved = resolveConfig(config, { packageName: "@acme/todo" });
 * resolved.name; // "acme-todo"
 * resolved.database.databaseName; // "acme-todo-db"
 */
export function resolveConfig(config: unknown, options: ResolveConfigOptions = {}): ResolvedConfig {
  const c = validateConfig(config);
  const name = c.name ?? workerNameFromPackage(options.packageName);
  return {
    name,
    scanDir: c.scanDir ?? "./src",
    outDir: c.outDir ?? "./_generated",
    schema: c.schema ?? "./schema.ts",
    schemaExport: c.schemaExport ?? "default",
    exclude: c.exclude ?? [],
    database: {
      binding: c.database?.binding ?? "DB",
      databaseName: c.database?.databaseName ?? `${name}-db`,
      databaseId: c.database?.databaseId ?? "local",
      query: {
        defaultLimit: c.database?.query?.defaultLimit ?? 100,
        maxLimit: c.database?.query?.maxLimit ?? 1000,
      },
    },
    storage: c.storage
      ? { binding: c.storage.binding ?? "STORAGE", bucketName: c.storage.bucketName ?? `${name}-storage` }
      : null,
    kv: c.kv ? { binding: c.kv.binding ?? "KV", id: c.kv.id } : null,
    auth: {
      enabled: c.auth?.enabled ?? true,
      basePath: c.auth?.basePath ?? "/api/auth",
      options: c.auth?.options ?? {},
    },
    realtime: {
      enabled: c.realtime?.enabled ?? true,
      binding: c.realtime?.binding ?? "APPFLARE_REALTIME",
      className: c.realtime?.className ?? "AppflareRealtime",
      shards: c.realtime?.shards ?? 1,
      subscribePath: c.realtime?.subscribePath ?? "/realtime/subscribe",
      websocketPath: c.realtime?.websocketPath ?? "/realtime/ws",
      protocol: c.realtime?.protocol ?? "appflare.realtime.v1",
      coalesceMs: c.realtime?.coalesceMs ?? 0,
    },
    scheduler: {
      enabled: c.scheduler?.enabled ?? "auto",
      binding: c.scheduler?.binding ?? "APPFLARE_QUEUE",
      queue: c.scheduler?.queue ?? `${name}-scheduler`,
      maxRetries: c.scheduler?.maxRetries ?? 3,
      deadLetterQueue: c.scheduler?.deadLetterQueue ?? null,
    },
    cors: c.cors ? c.cors.map((origin) => origin.replace(/\/$/, "")) : null,
    limits: {
      bodyBytes: c.limits?.bodyBytes ?? 1_048_576,
      uploadBytes: c.limits?.uploadBytes ?? 104_857_600,
    },
    dashboard: {
      enabled: c.dashboard?.enabled ?? true,
      path: c.dashboard?.path ?? "/admin",
      readOnly: c.dashboard?.readOnly ?? false,
    },
    wrangler: c.wrangler ?? {},
  };
}

/**
 * Worker names are lowercase letters, digits and dashes (≤ 63): `@acme/Todo_App` → `acme-todo-app`.
 * Without a package name the app is called `appflare-app`.
 */
export function workerNameFromPackage(packageName: string | undefined): string {
  const slug = (packageName ?? "")
    .toLowerCase()
    .replace(/^@/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug || "appflare-app";
}
