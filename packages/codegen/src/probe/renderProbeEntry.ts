/**
 * Sources of the tiny entry modules the CLI bundles and runs in its loader thread. Each imports the
 * user's modules plus the library function that interprets them, and exports `probe()` returning plain
 * data. The library functions are imported from the app's own `@appflare/*` install, so naming,
 * validation and tagging are exactly the ones the Worker will run.
 */

const q = (value: string) => JSON.stringify(value);

/**
 * Loads `appflare.config.ts` and resolves it with `resolveConfig` (strict validation, defaults).
 * `auth.options` is dropped: it holds Better Auth plugins (functions) that codegen does not need.
 *
 * @example
 * configProbeEntry("/app/appflare.config.ts", "my-app");
 */
export function configProbeEntry(configFile: string, packageName: string | undefined): string {
  return `import * as configModule from ${q(configFile)};
import { resolveConfig } from "@appflare/server";
export function probe() {
  if (!("default" in configModule)) return { missingDefault: true };
  const resolved = resolveConfig(configModule.default, { packageName: ${q(packageName ?? "")} || undefined });
  const { auth, ...rest } = resolved;
  return { config: { ...rest, auth: { enabled: auth.enabled, basePath: auth.basePath } } };
}
`;
}

/**
 * Loads the schema module and checks the export is a `schema(...)` value; with `compile`, also compiles
 * it to Drizzle and Zod (so a schema that resolves but does not compile fails the build, not drizzle-kit
 * later — about 1 ms per table, so watch-mode regeneration skips it). Returns the table names and a
 * fingerprint of the model: `appflare dev` regenerates migrations when the fingerprint changes.
 *
 * @example
 * schemaProbeEntry("/app/schema.ts", "default", true);
 */
export function schemaProbeEntry(schemaFile: string, exportName: string, compile: boolean): string {
  return `import * as schemaModule from ${q(schemaFile)};
import { compileSchema, getSchemaModel, isSchema } from "@appflare/schema";
export function probe() {
  const exportName = ${q(exportName)};
  if (!(exportName in schemaModule)) return { missing: exportName, available: Object.keys(schemaModule) };
  const value = schemaModule[exportName];
  if (!isSchema(value)) return { notSchema: exportName, got: value === null ? "null" : typeof value };
  if (${compile}) compileSchema(value);
  const model = getSchemaModel(value);
  const fingerprint = JSON.stringify(model.tables, (key, v) =>
    v === model ? undefined : typeof v === "function" ? "[function]" : v,
  );
  return { tables: Object.keys(model.tables), fingerprint };
}
`;
}

/** A handler module to load: its key (path under scanDir, no extension) and absolute file. */
export interface ProbeModule {
  readonly key: string;
  readonly file: string;
}

/**
 * A plain module (no bundling) that imports every candidate handler module by its versioned URL and
 * runs `collectHandlers` over them (tag-based detection, naming, duplicate check), returning plain
 * {@link HandlerInfo}-shaped records and `collectCronTriggers`' list for wrangler.json.
 *
 * @example
 * handlersProbeEntry(new Map([["tasks", "file:///cache/handlers/m/tasks.mjs?h=1a2b"]]), "file:///cache/vendor/server.mjs");
 */
export function handlersProbeEntry(urls: ReadonlyMap<string, string>, serverUrl: string): string {
  const keys = [...urls.keys()];
  const imports = keys.map((key, i) => `import * as m${i} from ${q(urls.get(key) ?? "")};`);
  const entries = keys.map((key, i) => `  ${q(key)}: m${i},`);
  return `import { collectCronTriggers, collectHandlers } from ${q(serverUrl)};
${imports.join("\n")}
const modules = {
${entries.join("\n")}
};
export function probe() {
  const collected = collectHandlers(modules);
  const handlers = collected.map((h) => ({
    name: h.name,
    kind: h.kind,
    modulePath: h.modulePath,
    exportName: h.exportName,
    cronTrigger: h.definition.kind === "cron" ? [...h.definition.cronTrigger] : [],
  }));
  return { handlers, crons: collectCronTriggers(collected) };
}
`;
}
