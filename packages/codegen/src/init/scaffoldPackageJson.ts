import type { InitTemplate } from "./InitTemplate";

/** A package.json as `appflare init` reads and writes it. */
export interface PackageManifest {
  name?: string;
  private?: boolean;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** What a template adds to package.json. */
type Wanted = Required<Pick<PackageManifest, "scripts" | "dependencies" | "devDependencies">>;

/**
 * Versions a new app starts with. Third-party pins follow the toolchain Appflare is tested on
 * (wrangler 4.86 is the last line that runs on Node 20).
 */
function backend(appflareVersion: string): Wanted {
  const range = `^${appflareVersion}`;
  return {
    scripts: {
      dev: "appflare dev",
      build: "appflare build",
      migrate: "appflare migrate --local",
      deploy: "appflare build && appflare migrate --remote && wrangler deploy",
    },
    dependencies: {
      // The generated client.ts imports it (the typed client for front-end code).
      "@appflare/client": range,
      "@appflare/schema": range,
      "@appflare/server": range,
      "drizzle-orm": "^0.45.4",
      zod: "^4.3.6",
    },
    devDependencies: {
      "@appflare/codegen": range,
      "@cloudflare/workers-types": "4.20260426.1",
      typescript: "5.9.3",
      wrangler: "4.86.0",
    },
  };
}

/**
 * The React template: `dev` is Vite, which starts `appflare dev` itself (web/vite.config.ts); vite 8
 * and its React plugin 6 are the lines that run on Node 20.
 */
function react(appflareVersion: string): Wanted {
  const range = `^${appflareVersion}`;
  const base = backend(appflareVersion);
  return {
    scripts: {
      ...base.scripts,
      dev: "vite web",
      "dev:worker": "appflare dev",
      build: "appflare build && tsc -p web && vite build web",
    },
    dependencies: {
      ...base.dependencies,
      "@appflare/react": range,
      // Live queries: with it installed, the generated Worker has the realtime Durable Object.
      "@appflare/realtime-do": range,
      "@tanstack/react-query": "^5.104.4",
      react: "^19.3.1",
      "react-dom": "^19.3.1",
    },
    devDependencies: {
      ...base.devDependencies,
      "@types/react": "^19.3.3",
      "@types/react-dom": "^19.3.0",
      "@vitejs/plugin-react": "6.3.0",
      vite: "8.3.8",
    },
  };
}

/**
 * Merges what an Appflare app needs into an existing package.json (or a new one): missing scripts and
 * dependencies are added, anything already there is kept (an installed tarball or a pinned version
 * stays as the user has it).
 *
 * @example
 * scaffoldPackageJson(undefined, "my-app", "0.2.0", "react").dependencies["@appflare/react"]; // "^0.2.0"
 */
export function scaffoldPackageJson(
  existing: PackageManifest | undefined,
  name: string,
  appflareVersion: string,
  template: InitTemplate,
): PackageManifest {
  const base: PackageManifest = existing ?? { name, private: true };
  const add = template === "react" ? react(appflareVersion) : backend(appflareVersion);
  const merged: PackageManifest = { ...base, type: base.type ?? "module" };
  merged.scripts = { ...add.scripts, ...base.scripts };
  merged.dependencies = sortKeys({ ...add.dependencies, ...base.dependencies });
  const devDependencies = { ...add.devDependencies, ...base.devDependencies };
  // A package listed in dependencies by the user must not be duplicated in devDependencies.
  for (const dep of Object.keys(merged.dependencies)) delete devDependencies[dep];
  merged.devDependencies = sortKeys(devDependencies);
  return merged;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
