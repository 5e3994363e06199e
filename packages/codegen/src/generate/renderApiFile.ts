import { banner } from "./banner";
import { propertyKey, uniqueIdentifiers } from "./identifiers";
import { importSpecifier } from "./importSpecifier";

/** A module under scanDir that exports at least one handler. */
export interface HandlerModuleRef {
  /** Path under scanDir without extension, `/`-separated: the key `collectHandlers` names handlers by. */
  readonly key: string;
  /** Absolute path of the file. */
  readonly file: string;
}

/** JSDoc of handler exports, by module key then export name. */
export type ModuleDescriptions = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * `<outDir>/api.ts`: one namespace import per handler module, the `modules` registry `createWorker`
 * reads, and the `Api` type inferred from it — so a handler's args and result reach clients with no
 * generated types. Handlers' JSDoc (`descriptions`) is handed to `withDescriptions` for the summaries
 * of `/openapi.json`. Modules are listed in key order, so the file is stable.
 *
 * @example
 * renderApiFile("/app/_generated", [{ key: "tasks", file: "/app/src/tasks.ts" }]);
 */
export function renderApiFile(
  outDir: string,
  modules: readonly HandlerModuleRef[],
  descriptions: ModuleDescriptions = {},
): string {
  const sorted = [...modules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = uniqueIdentifiers(
    sorted.map((m) => m.key),
    "m_",
  );
  const imports = sorted.map((m, i) => `import * as ${names[i]} from "${importSpecifier(outDir, m.file)}";`);
  const entries = sorted.map((m, i) => `  ${propertyKey(m.key)}: ${names[i]},`);
  const registry = entries.length === 0 ? "{}" : `{\n${entries.join("\n")}\n}`;
  const documented = sorted.filter((m) => Object.keys(descriptions[m.key] ?? {}).length > 0);
  const docs = documented.map((m) => {
    const fields = Object.entries(descriptions[m.key] ?? {}).map(
      ([name, text]) => `    ${propertyKey(name)}: ${JSON.stringify(text)},`,
    );
    return `  ${propertyKey(m.key)}: {\n${fields.join("\n")}\n  },`;
  });
  return [
    banner("the handler modules under scanDir"),
    documented.length > 0
      ? 'import { type ApiFromModules, withDescriptions } from "@appflare/server";'
      : 'import type { ApiFromModules } from "@appflare/server";',
    ...imports,
    "",
    ...(documented.length > 0
      ? [
          "/** The JSDoc of query and mutation exports: the summaries of `/openapi.json`. */",
          `const descriptions = {\n${docs.join("\n")}\n};`,
          "",
        ]
      : []),
    "/** Every handler module, keyed by its path under scanDir (handler names derive from it). */",
    documented.length > 0
      ? `export const modules = withDescriptions(descriptions, ${registry});`
      : `export const modules = ${registry};`,
    "",
    "/** The app's API: queries and mutations with their args and results, inferred from `modules`. */",
    "export type Api = ApiFromModules<typeof modules>;",
    "",
  ].join("\n");
}
