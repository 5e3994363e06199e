import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface WorkspacePackage {
  dir: string;
  name: string;
  version: string;
  private: boolean;
}

/** Every package.json under the workspace globs (packages/*, apps/*, tests/*). */
export function workspacePackages(): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const group of ["packages", "apps", "tests"]) {
    for (const entry of readdirSync(join(repoRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(group, entry.name);
      // pnpm counts only folders with a manifest as workspace packages (tests/support is plain code)
      if (!existsSync(join(repoRoot, dir, "package.json"))) continue;
      const manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
      out.push({ dir, name: manifest.name, version: manifest.version, private: manifest.private === true });
    }
  }
  return out;
}

/** Publishable packages: the `@appflare/*` group. */
export const publishable = () => workspacePackages().filter((p) => !p.private);

export function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
