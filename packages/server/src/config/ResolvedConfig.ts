/** The config with every default applied (`resolveConfig`). Every field is present. */
export interface ResolvedConfig {
  readonly name: string;
  readonly scanDir: string;
  readonly outDir: string;
  readonly schema: string;
  /** `"default"` unless `schemaExport` was given. */
  readonly schemaExport: string;
  readonly exclude: readonly string[];
  readonly database: {
    readonly binding: string;
    readonly databaseName: string;
    readonly databaseId: string;
    readonly query: { readonly defaultLimit: number; readonly maxLimit: number };
  };
  /** `null` when storage is not configured (no storage routes). */
  readonly storage: { readonly binding: string; readonly bucketName: string } | null;
  readonly kv: { readonly binding: string; readonly id: string } | null;
  readonly auth: {
    readonly enabled: boolean;
    readonly basePath: string;
    readonly options: Record<string, unknown>;
  };
  readonly realtime: {
    readonly enabled: boolean;
    readonly binding: string;
    readonly className: string;
    readonly shards: number;
    readonly subscribePath: string;
    readonly websocketPath: string;
    readonly protocol: string;
    readonly coalesceMs: number;
  };
  readonly scheduler: {
    /** `"auto"`: enabled when a scheduler or cron handler exists (decided by codegen / createWorker). */
    readonly enabled: boolean | "auto";
    readonly binding: string;
    readonly queue: string;
    readonly maxRetries: number;
    readonly deadLetterQueue: string | null;
  };
  /** Normalized origins (no trailing slash), or `null` to read env `ALLOWED_ORIGINS` per request. */
  readonly cors: readonly string[] | null;
  readonly limits: { readonly bodyBytes: number; readonly uploadBytes: number };
  readonly dashboard: { readonly enabled: boolean; readonly path: string; readonly readOnly: boolean };
  readonly wrangler: Record<string, unknown>;
}
