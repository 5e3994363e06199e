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

/**
 * `<outDir>/api.ts`: one namespace import per handler module, the `modules` registry `createWorker`
 * reads, and the `Api` type inferred from it — so a handler's args and result reach clients with no
 * generated types. Modules are listed in key order, so the file is stable.
 *
 * @example
 * renderApiFile("/app/_generated", [{ key: "tasks", file: "/app/src/tasks.ts" }]);
 */
export function renderApiFile(outDir: string, modules: readonly HandlerModuleRef[]): string {
  const sorted = [...modules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = uniqueIdentifiers(
    sorted.map((m) => m.key),
    "m_",
  );
  const imports = sorted.map((m, i) => `import * as ${names[i]} from "${importSpecifier(outDir, m.file)}";`);
  const entries = sorted.map((m, i) => `  ${propertyKey(m.key)}: ${names[i]},`);
  return [
    banner("the handler modules under scanDir"),
    'import type { ApiFromModules } from "@appflare/server";',
    ...imports,
    "",
    "/** Every handler module, keyed by its path under scanDir (handler names derive from it). */",
    entries.length === 0
      ? "export const modules = {};"
      : `export const modules = {\n${entries.join("\n")}\n};`,
    "",
    "/** The app's API: queries and mutations with their args and results, inferred from `modules`. */",
    "export type Api = ApiFromModules<typeof modules>;",
    "",
  ].join("\n");
}
