import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { d1Query } from "./support/d1Query";
import { cliBundle, packageRoot } from "./support/paths";

/** The `bun` devDependency's binary (its postinstall puts the platform's build there), or one on PATH. */
function findBun(): string | undefined {
  try {
    const dir = dirname(createRequire(join(packageRoot, "package.json")).resolve("bun/package.json"));
    const bin = join(dir, "bin", "bun.exe");
    if (existsSync(bin) && spawnSync(bin, ["--version"]).status === 0) return bin;
  } catch {
    // not installed: try PATH
  }
  return spawnSync("bun", ["--version"]).status === 0 ? "bun" : undefined;
}

const bun = findBun();

function runOnBun(args: readonly string[], cwd: string) {
  const result = spawnSync(bun ?? "bun", [cliBundle, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 300_000,
  });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

/**
 * The CLI on Bun (`bunx @appflare/codegen build|migrate`): every probe (config, schema, handlers) loads
 * a bundle written after the previous one, which Bun's module resolver did not see until each probe got
 * a process of its own. Skipped only when no Bun binary can run on this machine (the `bun` package has
 * no build for it).
 */
describe.skipIf(bun === undefined)("the CLI on Bun", () => {
  const dir = copyFixture("minimal");

  it("build loads config, schema and handlers and writes the generated files", () => {
    const run = runOnBun(["build", "--no-typecheck"], dir);
    expect(run.out).not.toMatch(/Cannot find/);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/handlers +2 handlers in 1 modules/);
    expect(readFileSync(join(dir, "gen", "api.ts"), "utf8")).toContain("notes");
  });

  it("migrate --local generates the first migration and applies it to local D1", () => {
    const run = runOnBun(["migrate", "--local"], dir);
    expect(run.code, run.out).toBe(0);
    expect(readdirSync(join(dir, "migrations")).filter((f) => f.endsWith(".sql"))).toHaveLength(1);
    expect(d1Query<{ n: number }>(dir, "SELECT count(*) AS n FROM notes")).toEqual([{ n: 0 }]);
  });
});
