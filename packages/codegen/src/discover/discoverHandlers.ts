import { readFileSync } from "node:fs";
import { toCliError } from "../errors/toCliError";
import type { HandlerInfo } from "../generate/HandlerInfo";
import type { ModuleDescriptions } from "../generate/renderApiFile";
import type { LoadResult, ModuleLoader } from "../load/ModuleLoader";
import { handlersProbeEntry, type ProbeModule } from "../probe/renderProbeEntry";
import type { ProjectPaths } from "../project/ProjectPaths";
import { readDescriptions } from "./readDescriptions";

/** Handlers found under scanDir and the modules that export them. */
export interface DiscoveredHandlers {
  readonly handlers: readonly HandlerInfo[];
  /** wrangler.json `triggers.crons`: every cron handler's expressions, normalized, deduplicated, sorted. */
  readonly crons: readonly string[];
  /** Modules exporting at least one handler, sorted by key: these go into `api.ts`. */
  readonly modules: readonly ProbeModule[];
  /** JSDoc of query and mutation exports (OpenAPI summaries), by module key then export name. */
  readonly descriptions: ModuleDescriptions;
}

/**
 * Loads the candidate modules (esbuild in Node, `cloudflare:*` stubbed) and asks `collectHandlers`
 * which exports are handlers, with their names, kinds and cron expressions. Any export form counts,
 * since detection is by the builders' tag, not by reading source text.
 *
 * @example
 * const { value } = await discoverHandlers(loader, paths, findHandlerFiles({ ... }));
 * value.handlers.map((h) => h.name); // ["tasks/list", ...]
 */
export async function discoverHandlers(
  loader: ModuleLoader,
  paths: ProjectPaths,
  candidates: readonly ProbeModule[],
): Promise<LoadResult<DiscoveredHandlers>> {
  const moduleFiles = new Map(candidates.map((m) => [m.key, m.file]));
  let result: LoadResult<{ handlers: HandlerInfo[]; crons: string[] }>;
  try {
    result = await loader.runModules<{ handlers: HandlerInfo[]; crons: string[] }>(
      "handlers",
      candidates,
      handlersProbeEntry,
    );
  } catch (error) {
    throw toCliError(error, { root: paths.root, moduleFiles, internalDirs: [paths.cacheDir, paths.outDir] });
  }
  const { handlers, crons } = result.value;
  const used = new Set(handlers.map((h) => h.modulePath));
  const modules = candidates.filter((m) => used.has(m.key));
  return {
    value: { handlers, crons, modules, descriptions: describe(handlers, modules) },
    inputs: result.inputs,
  };
}

/** Reads the JSDoc of every query and mutation export from its module's source. */
function describe(handlers: readonly HandlerInfo[], modules: readonly ProbeModule[]): ModuleDescriptions {
  const out: Record<string, Record<string, string>> = {};
  for (const module of modules) {
    const exported = new Set(
      handlers
        .filter((h) => h.modulePath === module.key && (h.kind === "query" || h.kind === "mutation"))
        .map((h) => h.exportName),
    );
    if (exported.size === 0) continue;
    const docs = Object.entries(readDescriptions(readFileSync(module.file, "utf8")));
    const kept = docs.filter(([name]) => exported.has(name));
    if (kept.length > 0) out[module.key] = Object.fromEntries(kept);
  }
  return out;
}
