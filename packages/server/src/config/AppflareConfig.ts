/**
 * The input of `defineConfig` (docs/getting-started.md). Every key is optional; `resolveConfig` fills the defaults.
 * Unknown keys are rejected at run time (and by TypeScript's excess-property check on literals).
 */
export interface AppflareConfig {
  /** Worker name. Default: the package name, made Worker-safe (`@acme/app` → `acme-app`). */
  name?: string;
  /** Handler root. Default `./src`. */
  scanDir?: string;
  /** Generated output. Default `./_generated`. */
  outDir?: string;
  /** Module whose default (or `schemaExport`) export is `schema(...)`. Default `./schema.ts`. */
  schema?: string;
  /** Named export of the schema module to use instead of the default export. */
  schemaExport?: string;
  /** Globs under scanDir to skip; `*.test.*`, `*.spec.*`, `__tests__/` are always skipped. */
  exclude?: string[];
  database?: DatabaseConfig;
  /** R2 storage; the storage routes exist only when this is set. */
  storage?: StorageConfig;
  /** KV namespace passed through to wrangler.json. */
  kv?: KvConfig;
  auth?: AuthConfig;
  realtime?: RealtimeConfig;
  scheduler?: SchedulerConfig;
  /**
   * Allowed CORS origins (`https://app.example.com`), or `"*"` for any origin without credentials.
   * Default: the comma list in env `ALLOWED_ORIGINS`; with neither, no CORS headers are sent.
   */
  cors?: string[];
  limits?: LimitsConfig;
  dashboard?: DashboardConfig;
  /** Deep-merged into the generated wrangler.json (arrays replace). */
  wrangler?: Record<string, unknown>;
}

export interface DatabaseConfig {
  /** D1 binding name. Default `DB`. */
  binding?: string;
  /** Default `<name>-db`. */
  databaseName?: string;
  /** Default `local`. */
  databaseId?: string;
  query?: {
    /** `limit` used by reads that give none. Default 100. */
    defaultLimit?: number;
    /** Largest `limit` a read may ask for. Default 1000. */
    maxLimit?: number;
  };
}

export interface StorageConfig {
  /** R2 binding name. Default `STORAGE`. */
  binding?: string;
  /** Default `<name>-storage`. */
  bucketName?: string;
}

export interface KvConfig {
  /** KV binding name. Default `KV`. */
  binding?: string;
  /** KV namespace id. */
  id: string;
}

export interface AuthConfig {
  /** Default `true`. */
  enabled?: boolean;
  /** Default `/api/auth`. */
  basePath?: string;
  /** Better Auth options (`emailAndPassword`, `plugins`, `user.additionalFields`, `trustedOrigins`...). */
  options?: AuthOptionsInput;
}

/**
 * `auth.options` as the config accepts it: Better Auth's options, passed through untouched. Only
 * `plugins` is spelt out, as a mutable array, so that `defineConfig`'s `const` inference keeps the
 * plugin tuple assignable to Better Auth's options (`AuthOptionsOf<typeof config>`).
 */
export interface AuthOptionsInput {
  plugins?: unknown[];
  [key: string]: unknown;
}

export interface RealtimeConfig {
  /** Default `true`. */
  enabled?: boolean;
  /** Durable Object binding. Default `APPFLARE_REALTIME`. */
  binding?: string;
  /** Durable Object class name. Default `AppflareRealtime`. */
  className?: string;
  /** Number of Durable Object shards. Default 1. */
  shards?: number;
  /** Default `/realtime/subscribe`. */
  subscribePath?: string;
  /** Default `/realtime/ws`. */
  websocketPath?: string;
  /** WebSocket subprotocol. Default `appflare.realtime.v1`. */
  protocol?: string;
  /** Mutation events arriving within this window cause one re-run. Default 0. */
  coalesceMs?: number;
}

export interface SchedulerConfig {
  /** Default: enabled when a scheduler or cron handler exists. */
  enabled?: boolean;
  /** Queue producer binding. Default `APPFLARE_QUEUE`. */
  binding?: string;
  /** Queue name. Default `<name>-scheduler`. */
  queue?: string;
  /** Default 3. */
  maxRetries?: number;
  /** Queue that receives messages after `maxRetries` failures. */
  deadLetterQueue?: string;
}

export interface LimitsConfig {
  /** Request body cap for queries and mutations (413 above it). Default 1 MiB. */
  bodyBytes?: number;
  /** Upload cap for storage. Default 100 MiB. */
  uploadBytes?: number;
}

export interface DashboardConfig {
  /** Default `true`. */
  enabled?: boolean;
  /** Default `/admin`. */
  path?: string;
  /** Refuse every write from the dashboard (rows, users, storage, mutations). Default `false`. */
  readOnly?: boolean;
}
