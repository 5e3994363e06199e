/**
 * Sources of the tiny entry modules the CLI bundles and runs in its loader thread. Each imports the
 * user's modules plus the library function that interprets them, and exports `probe()` returning plain
 * data. The library functions are imported from the app's own `@appflare/*` install, so naming,
 * validation and tagging are exactly the ones the Worker will run.
 */

import type { UserFields } from "@appflare/schema";

const q = (value: string) => JSON.stringify(value);

/**
 * Loads `appflare.config.ts` and resolves it with `resolveConfig` (strict validation, defaults).
 * `auth.options` is dropped — it holds Better Auth plugins (functions) that codegen does not need —
 * except `user.additionalFields`, checked and reduced to plain data by `plainUserFields`.
 *
 * @example
 * configProbeEntry("/app/appflare.config.ts", "my-app");
 */
export function configProbeEntry(configFile: string, packageName: string | undefined): string {
  return `import * as configModule from ${q(configFile)};
import { plainUserFields } from "@appflare/schema";
import { resolveConfig } from "@appflare/server/internal";
export function probe() {
  if (!("default" in configModule)) return { missingDefault: true };
  const resolved = resolveConfig(configModule.default, { packageName: ${q(packageName ?? "")} || undefined });
  const { auth, ...rest } = resolved;
  const additionalFields = plainUserFields(auth.options.user?.additionalFields);
  return { config: { ...rest, auth: { enabled: auth.enabled, basePath: auth.basePath, additionalFields } } };
}
`;
}

/**
 * Loads the schema module and checks the export is a `schema(...)` value; with `compile`, also compiles
 * it to Drizzle and Zod (so a schema that resolves but does not compile fails the build, not drizzle-kit
 * later — about 1 ms per table, so watch-mode regeneration skips it). The config's additional user
 * fields (plain data) are applied first with `withUserFields`, so the model is the one migrations are
 * generated from. Returns the table names and a fingerprint of that model: `appflare dev` regenerates
 * migrations when the fingerprint changes (a new field in the config included).
 *
 * @example
 * schemaProbeEntry("/app/schema.ts", "default", true, { plan: { type: "string" } });
 */
export function schemaProbeEntry(
  schemaFile: string,
  exportName: string,
  compile: boolean,
  userFields: UserFields = {},
): string {
  return `import * as schemaModule from ${q(schemaFile)};
import { compileSchema, getSchemaModel, isSchema, withUserFields } from "@appflare/schema";
export function probe() {
  const exportName = ${q(exportName)};
  if (!(exportName in schemaModule)) return { missing: exportName, available: Object.keys(schemaModule) };
  const exported = schemaModule[exportName];
  if (!isSchema(exported)) return { notSchema: exportName, got: exported === null ? "null" : typeof exported };
  const value = withUserFields(exported, ${JSON.stringify(userFields)});
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
