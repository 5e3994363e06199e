import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toolBin } from "../src/tools/toolBin";
import { copyFixture } from "./support/copyFixture";
import { runCliProcess } from "./support/runCliProcess";

/** Runs the app's own drizzle-kit in the app folder, as a user would with `npx drizzle-kit …`. */
function drizzleKit(dir: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [toolBin(dir, "drizzle-kit", "drizzle-kit"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe("the generated drizzle.config.ts lets drizzle-kit's own commands run in the app folder", () => {
  let dir = "";
  const config = "_generated/drizzle.config.ts";
  beforeAll(() => {
    dir = copyFixture("basic");
    const run = runCliProcess(["migrate", "--local"], dir);
    expect(run.code, run.stderr).toBe(0);
  });

  it("drizzle-kit check passes on the migrations appflare migrate wrote", () => {
    const run = drizzleKit(dir, ["check", "--config", config]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Everything's fine/);
  });

  it("points at the same schema and migrations as appflare migrate: generate finds nothing to do", () => {
    const run = drizzleKit(dir, ["generate", "--config", config]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/No schema changes/);
  });

  it("gives studio the local D1 file wrangler migrated", () => {
    const url = /url: "([^"]+)"/.exec(readFileSync(join(dir, config), "utf8"))?.[1] ?? "";
    expect(url).toMatch(/^\.\/\.wrangler\/state\/v3\/d1\/.+\.sqlite$/);
    expect(existsSync(join(dir, url)), url).toBe(true);
    expect(statSync(join(dir, url)).size).toBeGreaterThan(0);
  });
});
