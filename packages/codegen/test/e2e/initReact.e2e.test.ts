import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumLaunchOptions, skipWithoutChromium } from "../../../../tests/support/chromium";
import { freePort } from "../../../../tests/support/freePort";
import { packageRoot } from "../support/paths";
import { run } from "./support/run";
import { waitForHttp } from "./support/waitForHttp";
import { waitForText } from "./support/waitForText";

const shots = join(packageRoot, "test-results", "e2e");
const npm = (args: readonly string[], cwd: string) =>
  run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], cwd);

/**
 * The newcomer's path with a frontend, from packed tarballs: `npm create appflare` (create-appflare
 * running `appflare init --template react`) → `npm install` → `npm run build` (Worker, the page's type
 * check and its Vite build) → `appflare migrate --local` → `npm run dev`, which serves the page and the
 * Worker together. Chromium then shows the live query: a note added with the page's form, and one
 * created over HTTP by another client, appear without a reload.
 */
describe.skipIf(skipWithoutChromium("init --template react e2e"))(
  "init --template react from packed tarballs, in Chromium",
  () => {
    const scratch = mkdtempSync(join(tmpdir(), "appflare-react-e2e-"));
    const app = join(scratch, "live-app");
    let dev: ChildProcess | undefined;
    let output = "";
    let browser: Browser | undefined;

    beforeAll(() => {
      const tarballs = inject("tarballs");
      mkdirSync(app);
      writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "live-app", private: true })}\n`);
      // The tarballs stand in for the registry: installed first, they win over init's `^version` ranges.
      const files = readdirSync(tarballs).map((f) => join(tarballs, f));
      npm(["install", ...files], app);
    });

    afterAll(async () => {
      await browser?.close();
      // Still running only when a test failed midway: stop npm, Vite, appflare dev and workerd (one group).
      if (dev?.pid !== undefined && dev.exitCode === null && dev.signalCode === null) {
        process.kill(-dev.pid, "SIGTERM");
        await new Promise((r) => setTimeout(r, 1000));
      }
      rmSync(scratch, { recursive: true, force: true });
    });

    it("create-appflare scaffolds the React template, and npm installs what it declares", () => {
      const out = run(
        process.execPath,
        [join(app, "node_modules", ".bin", "create-appflare"), ".", "-t", "react"],
        app,
      );
      expect(out).toContain("(template react)");
      expect(out).toContain("wrote      web/App.tsx");
      expect(out).toContain("Next: npm install && npm run dev");
      const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
        dependencies: Record<string, string>;
      };
      expect(manifest.scripts.dev).toBe("vite web");
      expect(manifest.dependencies["@appflare/react"]).toMatch(/^file:/);
      npm(["install"], app);
    });

    it("npm run build generates the Worker, type-checks the page against the generated client and bundles it", () => {
      const out = run("npm", ["run", "build"], app);
      expect(out).toMatch(/typecheck\s+\d+ files, no errors/);
      expect(out).toContain("web/dist/index.html");
      // @appflare/realtime-do is installed, so the Worker has the realtime Durable Object.
      expect(readFileSync(join(app, "wrangler.json"), "utf8")).toContain('"APPFLARE_REALTIME"');
    });

    it("appflare migrate --local applies the first migration", () => {
      const out = run(
        process.execPath,
        [join(app, "node_modules", ".bin", "appflare"), "migrate", "--local"],
        app,
      );
      expect(out).toMatch(/apply +DB \(local\): applied/);
    });

    it("npm run dev serves page and Worker; the live query shows a form mutation and an HTTP one without reload", async () => {
      const port = await freePort();
      dev = spawn("npm", ["run", "dev", "--", "--port", String(port), "--strictPort"], {
        cwd: app,
        env: { ...process.env, NO_COLOR: "1" },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
      };
      dev.stdout?.on("data", collect);
      dev.stderr?.on("data", collect);
      const page0 = await waitForHttp(`http://localhost:${port}/`, 240_000, () => output);
      expect(page0.status).toBe(200);
      // Vite prints its URL only once the Worker answers (the plugin waits), so one URL is the one to open.
      expect(output).toContain(`Local:   http://localhost:${port}/`);
      await waitForText(() => output, "serving on http://127.0.0.1:");
      const worker = output.match(/serving on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      expect(worker, output).toBeDefined();

      mkdirSync(shots, { recursive: true });
      browser = await chromium.launch(chromiumLaunchOptions());
      const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
      await page.goto(`http://localhost:${port}/`);
      await page.getByText("No notes yet").waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(shots, "01-empty.png") });

      await page.getByLabel("New note").fill("added with the form");
      await page.getByRole("button", { name: "Add" }).click();
      const notes = page.getByRole("list", { name: "Notes" }).getByRole("listitem");
      await notes.filter({ hasText: "added with the form" }).waitFor({ timeout: 30_000 });

      // Another client writes straight to the Worker: only the realtime push can bring it to the page.
      const loads: string[] = [];
      page.on("load", () => loads.push(page.url()));
      const created = await fetch(`${worker}/mutations/notes/create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "created over HTTP" }),
      });
      expect(created.status).toBe(200);
      await notes.filter({ hasText: "created over HTTP" }).waitFor({ timeout: 30_000 });
      expect(await notes.allTextContents()).toEqual(["created over HTTP", "added with the form"]);
      expect(loads).toEqual([]);
      await page.screenshot({ path: join(shots, "02-live.png") });

      // The Worker refuses bad input through the proxy too, and the page did not change.
      const invalid = await fetch(`http://localhost:${port}/mutations/notes/create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "" }),
      });
      expect(invalid.status).toBe(400);
      expect(await notes.count()).toBe(2);
      // The page's requests and its realtime socket went through Vite's proxy without an error shown.
      expect(output).not.toMatch(/proxy (socket )?error/);

      await browser.close();
      browser = undefined;
      const exited = new Promise((r) => dev?.once("exit", r));
      process.kill(-(dev.pid ?? 0), "SIGTERM");
      await exited;
      await new Promise((r) => setTimeout(r, 2000));
      await expect(fetch(`${worker}/queries/notes/list`)).rejects.toThrow();
    });
  },
);
