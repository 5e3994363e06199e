import { type ChildProcess, spawn } from "node:child_process";
import { lookup } from "node:dns/promises";
import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CliError } from "../errors/CliError";
import type { Logger } from "../log/Logger";
import { findPackageDir } from "../tools/findPackageDir";
import { quietWranglerEnv } from "../tools/quietWranglerEnv";
import { stopChild } from "../tools/runTool";
import { type DevHostCommand, type DevHostMessage, devHostSource } from "./devHostSource";
import { errorPageServer } from "./errorPageServer";
import { findPort } from "./findPort";
import { hostOutputFilter } from "./hostOutputFilter";

/** Where and how the dev Worker is served. */
export interface DevServerOptions {
  readonly root: string;
  readonly wranglerFile: string;
  readonly cacheDir: string;
  readonly ip: string;
  readonly port: number;
  readonly persist?: string;
  readonly log: Logger;
}

/** wrangler's request.cf lookup prints a `getaddrinfo ENOTFOUND` stack offline: skip it then. */
async function online(): Promise<boolean> {
  try {
    await Promise.race([
      lookup("workers.cloudflare.com"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 1500).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The dev Worker as `appflare dev` runs it: wrangler's dev server in a child process (see
 * {@link devHostSource}) that reloads only when told to, and an error page on the same port while no
 * Worker can run. The port is chosen once (the next free one when the wanted one is taken, said so).
 *
 * @example
 * const server = new DevServer({ root, wranglerFile, cacheDir, ip: "localhost", port: 8787, log });
 * await server.start();
 * await server.hold(); // a schema change: requests wait while it is migrated
 * await server.reload(); // after a good build and its migration
 * await server.stop();
 */
export class DevServer {
  private host: ChildProcess | undefined;
  private page: Server | undefined;
  private port: number | undefined;
  private problem = "";
  private stopped = false;
  private waiters: ((message: DevHostMessage | { type: "exit" }) => void)[] = [];

  constructor(private readonly options: DevServerOptions) {}

  /** Starts a Worker (or reloads the running one) with the files as they are now. */
  async reload(): Promise<void> {
    if (this.stopped) return;
    if (!this.host) return this.start();
    const outcome = this.next();
    this.host.send({ type: "reload" });
    const message = await outcome;
    if (message.type === "reloaded") this.options.log.info("  worker     reloaded");
  }

  /**
   * Holds incoming requests in wrangler's proxy (a schema migration is about to be applied): they are
   * answered by the Worker of the next {@link reload}, or by the running one after {@link release}.
   */
  async hold(): Promise<void> {
    await this.ask({ type: "hold" });
  }

  /** Lets held requests through to the Worker that was serving (the migration did not go through). */
  async release(): Promise<void> {
    await this.ask({ type: "release" });
  }

  /** No Worker can run: serve `problem` as a 503 page until the next {@link reload}. */
  async showError(problem: string): Promise<void> {
    this.problem = problem;
    if (this.stopped || this.host || this.page) return;
    const port = await this.choosePort();
    this.page = await errorPageServer(this.options.ip, port, () => this.problem);
    this.options.log.info(`  serving    an error page on ${this.url(port)} until the error is fixed`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.closePage();
    const host = this.host;
    if (!host) return;
    const exited = new Promise<void>((resolve) => host.once("exit", () => resolve()));
    if (host.connected) host.send({ type: "stop" });
    stopChild(host, 8000);
    await exited;
  }

  /** Sends `command` to a running host and waits for its answer (or its exit). */
  private async ask(command: DevHostCommand): Promise<void> {
    if (this.stopped || !this.host?.connected) return;
    const outcome = this.next();
    this.host.send(command);
    await outcome;
  }

  private url(port: number): string {
    return `http://${this.options.ip}:${port}`;
  }

  private async choosePort(): Promise<number> {
    if (this.port !== undefined) return this.port;
    const port = await findPort(this.options.ip, this.options.port);
    if (port !== this.options.port)
      this.options.log.info(`  port       ${this.options.port} is taken; using ${port}`);
    this.port = port;
    return port;
  }

  private next(): Promise<DevHostMessage | { type: "exit" }> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private deliver(message: DevHostMessage | { type: "exit" }): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake(message);
  }

  private async closePage(): Promise<void> {
    const page = this.page;
    this.page = undefined;
    if (page) await new Promise((resolve) => page.close(resolve));
  }

  private async start(): Promise<void> {
    const { log, root, cacheDir } = this.options;
    const port = await this.choosePort();
    await this.closePage();
    const wranglerDir = findPackageDir(root, "wrangler");
    if (!wranglerDir) throw new CliError("wrangler is not installed: npm install --save-dev wrangler");
    const api = pathToFileURL(createRequire(join(wranglerDir, "package.json")).resolve("wrangler")).href;
    mkdirSync(cacheDir, { recursive: true });
    const script = join(cacheDir, "dev-host.mjs");
    writeFileSync(script, devHostSource(api));
    const trigger = join(cacheDir, "dev-host.trigger");
    writeFileSync(trigger, "");
    const env = quietWranglerEnv({
      ...process.env,
      APPFLARE_DEV_HOST: JSON.stringify({
        config: this.options.wranglerFile,
        ip: this.options.ip,
        port,
        persist: this.options.persist,
        trigger,
      }),
    });
    if (env.CLOUDFLARE_CF_FETCH_ENABLED === undefined && !(await online()))
      env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
    const host = spawn(process.execPath, [script], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    host.stdout?.pipe(hostOutputFilter()).pipe(process.stdout, { end: false });
    this.host = host;
    host.on("message", (message: DevHostMessage) => {
      if (message.type === "failed") {
        this.problem = message.message;
        log.error(`the Worker failed in workerd: ${message.message}`);
      }
      this.deliver(message);
    });
    host.on("exit", () => {
      this.host = undefined;
      this.deliver({ type: "exit" });
      if (this.stopped) return;
      log.info(
        "  worker     stopped; appflare dev keeps watching and starts it again after the next good save",
      );
      void this.showError(this.problem || "the Worker stopped (see the error above)");
    });
    const first = await this.next();
    if (first.type === "ready") log.success(`serving on ${this.url(port)}`);
  }
}
