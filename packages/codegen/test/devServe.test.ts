import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPort } from "../src/dev/findPort";
import { copyFixture } from "./support/copyFixture";
import { type RunningCli, startCliProcess } from "./support/startCliProcess";

/**
 * `appflare dev` serving the Worker (wrangler's dev server, workerd, local D1) without a TTY, through
 * the mistakes a user makes while editing: each is printed with file:line while the last good Worker
 * keeps answering, and the fix is served after the next save.
 */
describe("appflare dev with wrangler: survives broken saves, migrates before reloading", () => {
  let dir = "";
  let dev: RunningCli;
  let url = "";
  const list = async (timeoutMs = 30_000) => {
    const res = await fetch(`${url}/queries/notes/list`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  };
  const handler = () => join(dir, "handlers", "notes", "index.ts");
  const edit = (file: string, change: (s: string) => string) => {
    const before = readFileSync(file, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    writeFileSync(file, after);
    return () => writeFileSync(file, before);
  };
  /** Breaks `file`, checks the error and that the old Worker still answers, then restores it. */
  const survives = async (file: string, change: (s: string) => string, error: RegExp) => {
    let from = dev.output().length;
    const restore = edit(file, change);
    expect(await dev.waitFor(error, from, 60_000)).not.toMatch(/^\s+at /m);
    expect(await list()).toMatchObject({ status: 200 });
    from = dev.output().length;
    restore();
    await dev.waitFor(/worker {5}reloaded/, from, 120_000);
    expect(await list()).toMatchObject({ status: 200 });
  };

  beforeAll(async () => {
    dir = minimalApp();
    const port = await findPort("localhost", 18_787);
    dev = startDev(dir, port);
    const out = await dev.waitFor(/ready; watching for changes/, 0, 240_000);
    url = /serving on (http:\/\/\S+)/.exec(out)?.[1] ?? "";
    expect(url).toBe(`http://localhost:${port}`);
  }, 300_000);
  afterAll(async () => {
    if (dev.child.exitCode === null) await dev.stop();
  });

  it("serves the Worker on the URL it prints, with no prompt and no offline stack", async () => {
    expect(await list()).toEqual({ status: 200, body: "[]" });
    expect(dev.output()).not.toMatch(/report this error to Cloudflare|getaddrinfo ENOTFOUND/);
    // appflare's own plumbing (the no-op custom build, the readiness ping) stays out of the output.
    expect(dev.output()).not.toMatch(/dev-host\.trigger|\[custom build\]|__appflare\/dev-ping/);
    // The generated wrangler.json sets nodejs_compat: no warning that it should be enabled.
    expect(dev.output()).not.toContain("nodejs_compat");
  });

  it("a handler throwing at import: printed with file:line, the last good Worker keeps serving", async () => {
    await survives(
      handler(),
      (s) => `${s}\nthrow new Error("boom at import");\n`,
      /error: handlers\/notes\/index\.ts:\d+:\d+: boom at import/,
    );
  });

  it("a syntax error", async () => {
    await survives(
      handler(),
      (s) => s.replace("findMany({})", "findMany({)"),
      /error: handlers\/notes\/index\.ts:\d+:\d+:/,
    );
  });

  it("a config typo", async () => {
    await survives(
      join(dir, "appflare.config.ts"),
      (s) => s.replace("scanDir", "scandir"),
      /error: appflare\.config\.ts:\d+: Invalid config[\s\S]*did you mean "scanDir"/,
    );
  });

  it("a schema error", async () => {
    await survives(
      join(dir, "db", "schema.ts"),
      (s) => s.replace("v.string().notNull()", 'v.string().notNull().references("nope")'),
      /error: db\/schema\.ts:\d+/,
    );
  });

  // Requests are held in wrangler's proxy while the migration is applied (and the apply is tried again
  // if a request still in the old Worker holds the SQLite file), then answered by the new Worker.
  it("0 failed requests across a schema edit: the column is migrated before the Worker reloads", async () => {
    const statuses: number[] = [];
    const failures: string[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        // A request may wait in the proxy while the migration is applied (slow on a loaded machine):
        // waiting is the promise, failing is not.
        const answer = await list(150_000).catch((error: Error) => ({ status: 0, body: error.message }));
        statuses.push(answer.status);
        if (answer.status !== 200) failures.push(`${answer.status} ${answer.body}`);
      }
    })();
    const from = dev.output().length;
    edit(join(dir, "db", "schema.ts"), (s) =>
      s.replace("text: v.string().notNull() }", "text: v.string().notNull(), tag: v.string() }"),
    );
    const out = await dev.waitFor(/worker {5}reloaded/, from, 180_000);
    running = false;
    await loop;
    expect(out).toMatch(/apply +DB \(local\): applied[\s\S]*worker {5}reloaded/);
    await fetch(`${url}/mutations/notes/add`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(JSON.parse((await list()).body)).toEqual([expect.objectContaining({ text: "hi", tag: null })]);
    expect(failures).toEqual([]);
    expect(statuses.length).toBeGreaterThan(1);
  });

  it("SIGTERM stops appflare dev and the wrangler host under it", async () => {
    const hosts = devHosts(dev);
    expect(hosts.length).toBeGreaterThan(0);
    expect(await signal(dev, "SIGTERM")).toBe(0);
    expect(hosts.filter(alive)).toEqual([]);
    await expect(fetch(url, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});

/**
 * A Ctrl-C may come at any moment of the start, also before dev prints `ready` (a user who changes
 * their mind, a script that stops dev as soon as it serves): dev must stop cleanly, never be killed
 * by Node's default handler with wrangler left running.
 */
describe("appflare dev stopped by a signal during its start", () => {
  it("a SIGINT during the first build: exit 0, nothing left serving", async () => {
    const dir = minimalApp();
    const port = await findPort("localhost", 18_887);
    const dev = startDev(dir, port);
    await dev.waitFor(/appflare dev /, 0, 60_000);
    expect(await signal(dev, "SIGINT")).toBe(0);
    expect(dev.output()).not.toMatch(/ready; watching/);
    await expect(fetch(`http://localhost:${port}`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  }, 120_000);

  it("a SIGINT the moment it prints 'serving on': exit 0, the wrangler host stopped", async () => {
    const dir = minimalApp();
    const port = await findPort("localhost", 18_987);
    const dev = startDev(dir, port);
    await dev.waitFor(/serving on /, 0, 240_000);
    const hosts = devHosts(dev);
    expect(await signal(dev, "SIGINT")).toBe(0);
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.filter(alive)).toEqual([]);
    await expect(fetch(`http://localhost:${port}`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  }, 300_000);
});

/** A copy of the minimal fixture, without the dashboard (the fixture does not depend on it). */
function minimalApp(): string {
  const dir = copyFixture("minimal");
  const config = join(dir, "appflare.config.ts");
  const before = readFileSync(config, "utf8");
  const after = before.replace(
    "auth: { enabled: false },",
    "auth: { enabled: false },\n  dashboard: { enabled: false },",
  );
  if (after === before) throw new Error("the minimal fixture's config changed: update minimalApp()");
  writeFileSync(config, after);
  return dir;
}

/** `appflare dev` serving on `port`; the workspace's packages are not built here, so wrangler bundles their sources. */
function startDev(dir: string, port: number): RunningCli {
  return startCliProcess(["dev", "--", "--port", String(port)], dir, {
    WRANGLER_BUILD_CONDITIONS: "development,workerd,worker,browser",
  });
}

/** Process ids of dev's wrangler host (the child running dev-host.mjs; esbuild's service is another child). */
function devHosts(dev: RunningCli): number[] {
  return execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(dev.child.pid)], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes("dev-host.mjs"))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((n) => n > 0);
}

/** Sends `name` to dev and resolves with its exit code (`null`: killed by the signal itself). */
function signal(dev: RunningCli, name: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (dev.child.exitCode !== null) return resolve(dev.child.exitCode);
    dev.child.once("exit", (code) => resolve(code));
    dev.child.kill(name);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
