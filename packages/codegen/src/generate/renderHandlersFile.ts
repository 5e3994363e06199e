import { banner } from "./banner";
import { formatBracedList } from "./formatList";
import { importSpecifier } from "./importSpecifier";

/** What `<outDir>/handlers.ts` depends on: the schema module, the config and the Worker bindings. */
export interface HandlersFileInput {
  /** Absolute path of `<outDir>`. */
  readonly outDir: string;
  /** Absolute path of the schema module. */
  readonly schemaFile: string;
  /** `"default"` or the named export holding `schema(...)`. */
  readonly schemaExport: string;
  /** Absolute path of the config module (its type carries the Better Auth options). */
  readonly configFile: string;
  /** `auth.enabled`: `ctx.user`, `ctx.session` and `ctx.auth` come from Better Auth. */
  readonly auth: boolean;
  /** `storage` configured: `ctx.storage` exists. */
  readonly storage: boolean;
  /** Worker binding name → its workers-types type (`DB` → `D1Database`), sorted by the caller. */
  readonly bindings: Readonly<Record<string, string>>;
}

/**
 * `<outDir>/handlers.ts`: the handler builders typed to the app's schema, bindings and what the runtime
 * adds to `ctx` (`user`/`session`/`auth` typed from the config's Better Auth options, `scheduler`,
 * `storage`). It depends on the schema and the config only, so it is written before handler modules
 * (which import it) are loaded.
 *
 * `ctx.scheduler.enqueue` is typed by task name through `Tasks` from `<outDir>/tasks.ts`, which is
 * written after discovery: the import is type-only, so loading handler modules never needs it, and
 * `Tasks` names only the scheduler exports (see `renderTasksFile`), so no handler's type cycles back
 * to itself through `ctx`.
 *
 * @example
 * renderHandlersFile({ outDir: "/app/_generated", schemaFile: "/app/schema.ts", schemaExport: "default",
 *   configFile: "/app/appflare.config.ts", auth: true, storage: false, bindings: { DB: "D1Database" } });
 */
export function renderHandlersFile(input: HandlersFileInput): string {
  const from = importSpecifier(input.outDir, input.schemaFile);
  const schemaImport =
    input.schemaExport === "default"
      ? `import type schema from "${from}";`
      : `import type { ${input.schemaExport} as schema } from "${from}";`;
  const names = [
    "type AppSchemaOf",
    ...(input.auth ? ["type AuthContext", "type AuthOptionsOf"] : []),
    "defineHandlers",
    "type HandlerContext",
    "type SchedulerContext",
    ...(input.storage ? ["type StorageClient"] : []),
  ];
  const extension = [
    ...(input.auth ? ["AuthContext<AuthOptionsOf<typeof config>>"] : []),
    "SchedulerContext<Tasks>",
    ...(input.storage ? ["StorageExtension"] : []),
  ].join(" & ");
  const layers = [
    input.auth ? "the auth layer (`user`, `session`, `auth`)" : "",
    "`scheduler`",
    input.storage ? "`storage`" : "",
  ]
    .filter(Boolean)
    .join(", ");
  const bindings = Object.entries(input.bindings).map(([name, type]) => `  ${name}: ${type};`);
  return [
    banner("the schema module and appflare.config.ts"),
    formatBracedList("import { ", names, ' } from "@appflare/server";'),
    `import type config from "${importSpecifier(input.outDir, input.configFile)}";`,
    schemaImport,
    'import type { Tasks } from "./tasks";',
    "",
    "/** Worker bindings: those appflare.config.ts declares, plus whatever the app adds to `Cloudflare.Env`. */",
    bindings.length === 0
      ? "export type Env = Cloudflare.Env;"
      : `export interface Env extends Cloudflare.Env {\n${bindings.join("\n")}\n}`,
    "",
    // Exported, like every type the builders' results mention: an app compiled with `declaration: true`
    // must be able to name it in its handlers' declarations (TS4023 otherwise).
    ...(input.storage
      ? [
          "/** `ctx.storage`: R2 access checked by the app's storage managers. */",
          "export interface StorageExtension {",
          "  readonly storage: StorageClient;",
          "}",
          "",
        ]
      : []),
    "/**",
    " * The schema as handlers see it: `users` has the config's `auth.options.user.additionalFields`. An",
    " * interface, so type errors name it (`Property 'nope' does not exist on type 'Db<AppSchema>'`)",
    " * instead of printing the whole schema type.",
    " */",
    "export interface AppSchema extends AppSchemaOf<typeof schema, typeof config> {}",
    "",
    `/** What the runtime adds to \`ctx\`: ${layers}. */`,
    `type Extension = ${extension};`,
    "",
    "const builders = defineHandlers<AppSchema, Env, Extension>();",
    "export const { query, mutation, scheduler, cron, storageManager } = builders;",
    "",
    "/** `ctx` of queries, mutations and storage managers in this app. */",
    "export type AppflareContext = HandlerContext<AppSchema, Env, Extension>;",
    "",
  ].join("\n");
}
