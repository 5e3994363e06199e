import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { packageRoot } from "../../support/paths";
import { run } from "./run";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder holding one `pnpm pack` tarball per published package of the workspace. */
    tarballs: string;
  }
}

const packagesDir = join(packageRoot, "..");

/** Every published package of the workspace: `@appflare/*` and `create-appflare`. */
function publishedPackages(): { name: string; dir: string }[] {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packagesDir, d.name, "package.json")))
    .map((d) => {
      const dir = join(packagesDir, d.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name: string;
        private?: boolean;
      };
      return { name: manifest.name, dir, private: manifest.private === true };
    })
    .filter((p) => (p.name.startsWith("@appflare/") || p.name === "create-appflare") && !p.private);
}

/**
 * Global setup of the e2e suite: packs every published package once (as `npm publish` would ship it)
 * for all e2e files to install. Needs every package built (`pnpm build`).
 */
export default function setup(project: TestProject): () => void {
  const packages = publishedPackages();
  for (const p of packages) {
    if (!existsSync(join(p.dir, "dist"))) throw new Error(`${p.name} is not built: run \`pnpm build\` first`);
  }
  const tarballs = mkdtempSync(join(tmpdir(), "appflare-tarballs-"));
  for (const p of packages) run("pnpm", ["pack", "--pack-destination", tarballs], p.dir);
  project.provide("tarballs", tarballs);
  return () => rmSync(tarballs, { recursive: true, force: true });
}
