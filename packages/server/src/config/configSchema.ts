import * as z from "zod";

// Each nested object is strict so a misspelt key is reported where it is, not silently dropped.

const bindingName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    "expected a binding name (letters, digits and _, not starting with a digit)",
  );

const routePath = z
  .string()
  .regex(
    /^\/(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)?$/,
    'expected a path like "/admin": starting with "/", without a trailing "/"',
  );

const positiveInt = z.number().int().positive();

const corsOrigin = z.string().refine((value) => value === "*" || isOrigin(value), {
  message: 'expected "*" or an origin such as "https://app.example.com" (scheme, host and port only)',
});

/** `https://a.com` or `https://a.com/` (trailing slash tolerated) — no path, query or credentials. */
function isOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.origin !== "null" && url.origin === value.replace(/\/$/, "").toLowerCase();
}

const databaseSchema = z.strictObject({
  binding: bindingName.optional(),
  databaseName: z.string().min(1).optional(),
  databaseId: z.string().min(1).optional(),
  query: z
    .strictObject({
      defaultLimit: positiveInt.optional(),
      maxLimit: positiveInt.optional(),
    })
    .optional(),
});

const realtimeSchema = z.strictObject({
  enabled: z.boolean().optional(),
  binding: bindingName.optional(),
  className: z
    .string()
    .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "expected a JavaScript class name")
    .optional(),
  shards: z.number().int().min(1).max(1024).optional(),
  subscribePath: routePath.optional(),
  websocketPath: routePath.optional(),
  protocol: z.string().min(1).optional(),
  coalesceMs: z.number().int().min(0).optional(),
});

const schedulerSchema = z.strictObject({
  enabled: z.boolean().optional(),
  binding: bindingName.optional(),
  queue: z.string().min(1).optional(),
  maxRetries: z.number().int().min(0).max(100).optional(),
  deadLetterQueue: z.string().min(1).optional(),
});

/**
 * Strict Zod schema of {@link AppflareConfig}. `defineConfig` and `resolveConfig` validate with it; the
 * CLI reuses it to report a bad config file.
 */
export const configSchema = z
  .strictObject({
    name: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
        "expected a Worker name: lowercase letters, digits and dashes, at most 63 characters",
      )
      .optional(),
    scanDir: z.string().min(1).optional(),
    outDir: z.string().min(1).optional(),
    schema: z.string().min(1).optional(),
    schemaExport: z.string().min(1).optional(),
    exclude: z.array(z.string()).optional(),
    database: databaseSchema.optional(),
    storage: z
      .strictObject({ binding: bindingName.optional(), bucketName: z.string().min(1).optional() })
      .optional(),
    kv: z.strictObject({ binding: bindingName.optional(), id: z.string().min(1) }).optional(),
    auth: z
      .strictObject({
        enabled: z.boolean().optional(),
        basePath: routePath.optional(),
        // Better Auth owns this shape; it is passed through untouched.
        options: z.looseObject({ plugins: z.array(z.unknown()).optional() }).optional(),
      })
      .optional(),
    realtime: realtimeSchema.optional(),
    scheduler: schedulerSchema.optional(),
    cors: z.array(corsOrigin).optional(),
    limits: z
      .strictObject({ bodyBytes: positiveInt.optional(), uploadBytes: positiveInt.optional() })
      .optional(),
    dashboard: z
      .strictObject({
        enabled: z.boolean().optional(),
        path: routePath.optional(),
        readOnly: z.boolean().optional(),
      })
      .optional(),
    wrangler: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((config, ctx) => {
    const query = config.database?.query;
    if (query?.defaultLimit !== undefined && query.defaultLimit > (query.maxLimit ?? 1000)) {
      ctx.addIssue({
        code: "custom",
        path: ["database", "query", "defaultLimit"],
        message: `expected at most maxLimit (${query.maxLimit ?? 1000}), got ${query.defaultLimit}`,
      });
    }
  });
