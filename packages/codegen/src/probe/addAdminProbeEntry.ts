/** What `appflare add-admin` asks the loader thread to do (sent as the probe's input, never written to disk). */
export interface AddAdminProbeInput {
  readonly account: { readonly email: string; readonly password: string; readonly name?: string };
  /** `getPlatformProxy` options: the wrangler config to read and where local state lives. */
  readonly proxy: {
    readonly configPath: string;
    readonly persist: false | { readonly path: string };
    readonly remoteBindings: boolean;
  };
  /** Used only when the bindings carry no `BETTER_AUTH_SECRET`/`AUTH_SECRET` (creating a user signs nothing). */
  readonly fallbackSecret: string;
}

/** What the add-admin probe returns: the outcome, or the auth table the database lacks. */
export type AddAdminProbeResult =
  | { readonly missingTable: string }
  | {
      readonly userId: string;
      readonly email: string;
      readonly created: boolean;
      readonly promoted: boolean;
    };

/** Where the add-admin probe finds the app's modules and wrangler. */
export interface AddAdminProbeSources {
  readonly configFile: string;
  readonly schemaFile: string;
  readonly schemaExport: string;
  readonly packageName: string | undefined;
  /** File URL of the app's (else the CLI's) `wrangler` entry: its `getPlatformProxy` gives the D1 binding. */
  readonly wranglerUrl: string;
}

const q = (value: string) => JSON.stringify(value);

/**
 * The probe behind `appflare add-admin`: opens the app's D1 through wrangler's `getPlatformProxy`
 * (local: the same `.wrangler/state` `wrangler dev` uses; remote: a remote binding), builds the auth
 * layer exactly as the Worker does (`createAuthRuntime` with the app's resolved config, so a custom
 * `password.hash` and database hooks apply), and runs `createOrPromoteAdmin`. The proxy is always
 * disposed, so no workerd process outlives the command.
 *
 * @example
 * addAdminProbeEntry({ configFile: "/app/appflare.config.ts", schemaFile: "/app/schema.ts",
 *   schemaExport: "default", packageName: "my-app", wranglerUrl: "file:///app/node_modules/wrangler/wrangler-dist/cli.js" });
 */
export function addAdminProbeEntry(sources: AddAdminProbeSources): string {
  return `import * as configModule from ${q(sources.configFile)};
import * as schemaModule from ${q(sources.schemaFile)};
import { createAuthRuntime, createOrPromoteAdmin, resolveConfig } from "@appflare/server/internal";
const AUTH_TABLES = ["users", "sessions", "accounts", "verifications"];
export async function probe(input) {
  const config = resolveConfig(configModule.default, { packageName: ${q(sources.packageName ?? "")} || undefined });
  const schema = schemaModule[${q(sources.schemaExport)}];
  process.env.WRANGLER_LOG ??= "error";
  const wrangler = await import(${q(sources.wranglerUrl)});
  const getPlatformProxy = wrangler.getPlatformProxy ?? wrangler.default.getPlatformProxy;
  const proxy = await getPlatformProxy(input.proxy);
  try {
    const db = proxy.env[config.database.binding];
    for (const table of AUTH_TABLES) {
      const sqlName = schema.model.tables[table].sqlName;
      const found = await db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
        .bind(sqlName)
        .first();
      if (!found) return { missingTable: sqlName };
    }
    const env = { ...proxy.env };
    if (!env.BETTER_AUTH_SECRET && !env.AUTH_SECRET) env.BETTER_AUTH_SECRET = input.fallbackSecret;
    // Creating a user builds no URL; without one Better Auth warns about callbacks that never happen.
    env.BETTER_AUTH_URL ||= "http://localhost";
    const auth = createAuthRuntime({ schema, config }).authFor(env);
    return await createOrPromoteAdmin(auth, input.account);
  } finally {
    await proxy.dispose();
  }
}
`;
}
