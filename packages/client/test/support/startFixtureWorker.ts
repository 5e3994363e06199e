import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { freePort } from "../../../../tests/support/freePort";
import { startWrangler, type WranglerProcess } from "./startWrangler";

const packageRoot = join(import.meta.dirname, "..", "..");
const codegenRoot = join(packageRoot, "..", "codegen");

/** A running `wrangler dev` of the fixture app. */
export interface FixtureWorker {
  readonly endpoint: string;
  readonly dir: string;
  output(): string;
  /**
   * Stops `wrangler dev` (every socket drops, as in a deploy) and starts it again on the same port with
   * the same local state (D1 rows, the realtime object's storage).
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds `test/fixture` with the `appflare` CLI (bundled from codegen's src, as codegen's own tests
 * do), applies its migration to a local D1, and starts `wrangler dev` on a free port. Workspace
 * packages resolve to their `src/` through the `development` condition, so nothing needs a build.
 *
 * @example
 * const worker = await startFixtureWorker();
 * await fetch(`${worker.endpoint}/queries/tasks/list?args=…`);
 * await worker.stop();
 */
export async function startFixtureWorker(): Promise<FixtureWorker> {
  const tmp = join(packageRoot, "test", ".tmp");
  mkdirSync(tmp, { recursive: true });
  const dir = mkdtempSync(join(tmp, "app-"));
  cpSync(join(packageRoot, "test", "fixture"), dir, { recursive: true });

  // Inside codegen's node_modules so the CLI's own dependencies resolve from codegen.
  const cli = join(codegenRoot, "node_modules", ".cache", "appflare-client-tests", `cli-${process.pid}.mjs`);
  await build({
    entryPoints: [join(codegenRoot, "src", "cli.ts")],
    outfile: cli,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  const appflare = (args: string[]) =>
    execFileSync(process.execPath, [cli, ...args], {
      cwd: dir,
      // drizzle-kit loads the generated schema module in Node: the development condition resolves the
      // workspace packages to src/ there too.
      env: { ...process.env, CI: "1", NO_COLOR: "1", NODE_OPTIONS: "--conditions=development" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
    });
  appflare(["build", "--no-typecheck"]);
  appflare(["migrate", "--local"]);

  const port = await freePort();
  const wrangler = join(packageRoot, "node_modules", "wrangler", "bin", "wrangler.js");
  let current: WranglerProcess = await startWrangler({ wrangler, dir, port });
  const earlier: string[] = [];
  return {
    endpoint: current.endpoint,
    dir,
    output: () => [...earlier, current.output()].join("\n"),
    restart: async () => {
      await current.stop();
      earlier.push(current.output());
      current = await startWrangler({ wrangler, dir, port });
    },
    stop: () => current.stop(),
  };
}
