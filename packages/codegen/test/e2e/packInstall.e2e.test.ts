import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../../../tests/support/freePort";
import { run } from "./support/run";
import { waitForHttp } from "./support/waitForHttp";
import { waitForText } from "./support/waitForText";

/**
 * A user outside this repository: packed tarballs installed with npm into an empty folder, then the
 * documented path — `appflare init` → `build` → `migrate --local` → `wrangler dev` — and a query and a
 * mutation over HTTP. The tarballs are packed once by the suite's global setup.
 */
describe("appflare from packed tarballs, as a user outside the repo", () => {
  const scratch = mkdtempSync(join(tmpdir(), "appflare-e2e-"));
  const app = join(scratch, "notes-app");
  const appflare = (args: readonly string[]) =>
    run(process.execPath, [join(app, "node_modules", ".bin", "appflare"), ...args], app);
  let wrangler: ChildProcess | undefined;
  let wranglerOutput = "";
  const admin = { email: "admin@example.com", password: "admin passphrase 1" };

  beforeAll(() => {
    const tarballs = inject("tarballs");
    mkdirSync(app);
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "notes-app", private: true, type: "module" })}\n`,
    );
    // create-appflare is the other e2e's way in; this one runs `appflare init` itself.
    const files = readdirSync(tarballs)
      .filter((f) => f.startsWith("appflare-"))
      .map((f) => join(tarballs, f));
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files], app);
  });

  afterAll(async () => {
    if (wrangler?.pid !== undefined && wrangler.exitCode === null) {
      // wrangler runs workerd as a child: stop the whole process group.
      process.kill(-wrangler.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it("init scaffolds an app, and npm installs what it declares", () => {
    const out = appflare(["init", "."]);
    expect(out).toContain("wrote      appflare.config.ts");
    const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as Record<
      string,
      Record<string, string>
    >;
    expect(manifest.dependencies?.["@appflare/server"]).toMatch(/^file:/);
    expect(manifest.scripts?.dev).toBe("appflare dev");
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], app);
  });

  it("build generates the app and type-checks it", () => {
    const out = appflare(["build"]);
    expect(out).toContain("wrote      _generated/api.ts");
    expect(out).toMatch(/typecheck\s+\d+ files, no errors/);
  });

  it("migrate --local writes the first migration and applies it", () => {
    const out = appflare(["migrate", "--local"]);
    expect(out).toMatch(/generate +0000_\w+\.sql/);
    expect(out).toMatch(/apply +DB \(local\): applied/);
  });

  it("add-admin creates an admin in the local D1 that wrangler dev serves", () => {
    const out = appflare(["add-admin", "-e", admin.email, "-p", admin.password, "-n", "Admin"]);
    expect(out).toMatch(/created admin admin@example\.com \(user \S+\) in DB \(local\)/);
  });

  it("wrangler dev serves a query, a mutation and Better Auth sign-up/sign-in over HTTP", async () => {
    const port = await freePort();
    wrangler = spawn(
      process.execPath,
      [
        join(app, "node_modules", "wrangler", "bin", "wrangler.js"),
        "dev",
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
      ],
      {
        cwd: app,
        env: { ...process.env, CI: "1", NO_COLOR: "1" },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    wrangler.stdout?.on("data", (c: Buffer) => {
      wranglerOutput += c.toString();
    });
    wrangler.stderr?.on("data", (c: Buffer) => {
      wranglerOutput += c.toString();
    });
    const base = `http://127.0.0.1:${port}`;
    const first = await waitForHttp(`${base}/queries/notes/list`, 120_000, () => wranglerOutput);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual([]);

    const created = await fetch(`${base}/mutations/notes/create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hello from e2e" }),
    });
    expect(created.status).toBe(200);
    const note = (await created.json()) as { id: string; text: string; done: boolean };
    expect(note).toMatchObject({ text: "hello from e2e", done: false });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await fetch(`${base}/queries/notes/list?limit=5`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([expect.objectContaining({ id: note.id, text: "hello from e2e" })]);

    const invalid = await fetch(`${base}/mutations/notes/create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "" }),
    });
    expect(invalid.status).toBe(400);

    // Better Auth under real wrangler dev: scrypt needs nodejs_compat, which only this smoke can catch.
    const credentials = { email: "e2e@example.com", password: "correct horse battery", name: "E2E" };
    // A browser sends its Origin; Better Auth refuses credential POSTs without one (CSRF check).
    const authHeaders = { "content-type": "application/json", origin: base };
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: authHeaders,
      body: JSON.stringify(credentials),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    expect(signUp.headers.get("set-auth-token")).toBeTruthy();
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: authHeaders,
      body: JSON.stringify({ email: credentials.email, password: credentials.password }),
    });
    expect(signIn.status).toBe(200);
    const token = signIn.headers.get("set-auth-token");
    expect(token).toBeTruthy();
    const session = await fetch(`${base}/api/auth/get-session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { email: credentials.email } });
    const wrongPassword = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: authHeaders,
      body: JSON.stringify({ email: credentials.email, password: "wrong password!" }),
    });
    expect(wrongPassword.status).toBe(401);

    // The admin made by `appflare add-admin` signs in through the Worker and may use admin endpoints;
    // the user who signed up may not.
    const adminSignIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: authHeaders,
      body: JSON.stringify(admin),
    });
    expect(adminSignIn.status, await adminSignIn.clone().text()).toBe(200);
    const adminToken = adminSignIn.headers.get("set-auth-token");
    const users = await fetch(`${base}/api/auth/admin/list-users`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(users.status).toBe(200);
    const listedUsers = (await users.json()) as { users: { email: string; role: string | null }[] };
    expect(listedUsers.users.map((u) => `${u.email} ${u.role}`).sort()).toEqual([
      "admin@example.com admin",
      "e2e@example.com user",
    ]);
    const notAdmin = await fetch(`${base}/api/auth/admin/list-users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(notAdmin.status).toBe(403);

    process.kill(-(wrangler.pid ?? 0), "SIGTERM");
    await new Promise((r) => wrangler?.once("exit", r));
  });

  it("appflare dev starts the worker through wrangler, serves the app, and stops it on Ctrl-C", async () => {
    const port = await freePort();
    let output = "";
    const dev = spawn(
      process.execPath,
      [
        join(app, "node_modules", ".bin", "appflare"),
        "dev",
        "--",
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
      ],
      { cwd: app, env: { ...process.env, NO_COLOR: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    wrangler = dev;
    dev.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    dev.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    const listed = await waitForHttp(`http://127.0.0.1:${port}/queries/notes/list`, 120_000, () => output);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([expect.objectContaining({ text: "hello from e2e" })]);
    await waitForText(() => output, `serving on http://127.0.0.1:${port}`);
    const exited = new Promise<number | null>((r) => dev.once("exit", (code) => r(code)));
    dev.kill("SIGINT");
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 2000));
    await expect(fetch(`http://127.0.0.1:${port}/queries/notes/list`)).rejects.toThrow();
  });
});
