import type { DiscoveredHandlers } from "../discover/discoverHandlers";
import type { LoadedSchema } from "../load/loadSchema";
import type { CodegenConfig } from "../project/CodegenConfig";
import type { ProjectPaths } from "../project/ProjectPaths";

/** One timed step of a build, printed as a progress line. */
export interface BuildStep {
  readonly name: string;
  readonly detail: string;
  readonly ms: number;
}

/** Outcome of a build or an incremental regeneration. */
export interface BuildReport {
  readonly paths: ProjectPaths;
  readonly config: CodegenConfig;
  readonly schema: LoadedSchema;
  readonly discovered: DiscoveredHandlers;
  readonly steps: readonly BuildStep[];
  /** Files whose content changed and were written. */
  readonly written: readonly string[];
  /** Generated files that were already up to date (left untouched, mtime kept). */
  readonly unchanged: readonly string[];
  /** `true` when the schema was (re)loaded in this run. */
  readonly schemaReloaded: boolean;
  readonly totalMs: number;
}
