import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishable, repoRoot, sh, workspacePackages } from "./workspace";

describe("release pipeline: changesets", () => {
  const scratch = mkdtempSync(join(tmpdir(), "appflare-changeset-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("one changeset for @appflare/schema bumps every @appflare/* package together and writes changelogs", () => {
    // A scratch repository with the workspace manifests only: `changeset version` edits manifests,
    // so the real checkout is never touched.
    for (const f of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) {
      mkdirSync(join(scratch, f, ".."), { recursive: true });
      cpSync(join(repoRoot, f), join(scratch, f));
    }
    for (const p of workspacePackages()) {
      mkdirSync(join(scratch, p.dir), { recursive: true });
      cpSync(join(repoRoot, p.dir, "package.json"), join(scratch, p.dir, "package.json"));
    }
    symlinkSync(join(repoRoot, "node_modules"), join(scratch, "node_modules"));
    writeFileSync(join(scratch, ".gitignore"), "node_modules\n");
    writeFileSync(
      join(scratch, ".changeset", "scratch-change.md"),
      '---\n"@appflare/schema": minor\n---\n\nScratch change used by the release-pipeline test.\n',
    );
    sh("git", ["init", "-q", "-b", "main"], scratch);
    sh("git", ["-c", "user.email=t@t", "-c", "user.name=t", "add", "-A"], scratch);
    sh("git", ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "scratch"], scratch);

    const before = publishable();
    expect(before.length).toBeGreaterThan(0);
    sh(join(repoRoot, "node_modules", ".bin", "changeset"), ["version"], scratch);

    const versions = new Set<string>();
    for (const p of before) {
      const manifest = JSON.parse(readFileSync(join(scratch, p.dir, "package.json"), "utf8"));
      expect(manifest.version, `${p.name} was not bumped`).not.toBe(p.version);
      versions.add(manifest.version);
      const changelog = join(scratch, p.dir, "CHANGELOG.md");
      expect(existsSync(changelog), `${p.name} has no CHANGELOG.md`).toBe(true);
      expect(readFileSync(changelog, "utf8")).toContain(manifest.version);
    }
    expect([...versions], "the fixed group must share one version").toHaveLength(1);
    // Private workspace packages (example app, repo tests) are never versioned.
    for (const p of workspacePackages().filter((w) => w.private)) {
      const manifest = JSON.parse(readFileSync(join(scratch, p.dir, "package.json"), "utf8"));
      expect(manifest.version).toBe(p.version);
    }
  });
});
