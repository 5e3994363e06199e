import { relative, resolve } from "node:path";
import { globSync } from "tinyglobby";
import { CliError } from "../errors/CliError";
import type { ProbeModule } from "../probe/renderProbeEntry";

/** Always skipped under scanDir: tests, type declarations and dependencies. */
export const ALWAYS_EXCLUDED = [
  "**/*.test.*",
  "**/*.spec.*",
  "**/__tests__/**",
  "**/*.d.ts",
  "**/*.d.mts",
  "**/node_modules/**",
];

const MODULE_GLOB = "**/*.{ts,tsx,mts,js,jsx,mjs}";

/** Options of {@link findHandlerFiles}. */
export interface FindHandlerFilesOptions {
  readonly scanDir: string;
  /** User globs relative to scanDir (`config.exclude`). */
  readonly exclude: readonly string[];
  /** Absolute folders never scanned even when inside scanDir (generated output, the CLI's cache). */
  readonly skipDirs: readonly string[];
}

/**
 * Candidate handler modules under scanDir, sorted by key (path without extension). Only loading them
 * tells which actually export handlers. Two files with one key (`a.ts` and `a.js`) would give their
 * handlers the same names, so that fails here, naming both.
 *
 * @example
 * findHandlerFiles({ scanDir: "/app/src", exclude: ["legacy/**"], skipDirs: [] });
 * // [{ key: "blog/posts", file: "/app/src/blog/posts.ts" }, ...]
 */
export function findHandlerFiles(options: FindHandlerFilesOptions): ProbeModule[] {
  const ignore = [...ALWAYS_EXCLUDED, ...options.exclude];
  for (const dir of options.skipDirs) {
    const rel = relative(options.scanDir, dir).replaceAll("\\", "/");
    if (rel !== "" && !rel.startsWith("..")) ignore.push(`${rel}/**`);
  }
  const files = globSync([MODULE_GLOB], { cwd: options.scanDir, ignore, dot: false, onlyFiles: true });
  const byKey = new Map<string, string>();
  for (const rel of files.sort()) {
    const key = rel.replaceAll("\\", "/").replace(/\.[^./]+$/, "");
    const file = resolve(options.scanDir, rel);
    const other = byKey.get(key);
    if (other !== undefined) {
      throw new CliError(
        `Two modules share the path "${key}" (${relative(options.scanDir, other)} and ${rel}): rename one`,
        {
          file,
        },
      );
    }
    byKey.set(key, file);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, file]) => ({ key, file }));
}
