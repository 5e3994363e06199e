import { type ChildProcess, spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { probeWorkerSource } from "./probeWorkerSource";

/** Where probes run: a worker thread, or (on Bun) a child process. */
export interface ProbeRunner {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The runner died (a user timer threw, the process was killed): `error` says why when known. */
  onExit(listener: (error?: Error) => void): void;
  /** Referenced only while a run is pending: an idle runner must not keep the CLI alive. */
  ref(): void;
  unref(): void;
  stop(): Promise<void>;
}

/**
 * Bun's module resolver caches a directory's listing once it resolved a module there, process-wide
 * (worker threads share it): a bundle written later into the same folder is "not found" (see
 * oven-sh/bun#40790). On Bun each run therefore gets a fresh process, whose cache is empty.
 */
export const probesNeedFreshProcess = typeof process.versions.bun === "string";

/**
 * Starts a runner for the probe program ({@link probeWorkerSource}): a worker thread on Node, a child
 * process of the same runtime on Bun ({@link probesNeedFreshProcess}).
 *
 * @example
 * const runner = startProbeRunner(probesNeedFreshProcess ? "process" : "thread");
 * runner.onMessage((reply) => console.log(reply));
 * runner.post({ id: 1, url: "file:///app/node_modules/.cache/appflare/s1/config.mjs" });
 */
export function startProbeRunner(kind: "thread" | "process"): ProbeRunner {
  return kind === "thread" ? threadRunner() : processRunner();
}

function threadRunner(): ProbeRunner {
  const worker = new Worker(probeWorkerSource, {
    eval: true,
    // Stacks of user errors map back to the user's files and lines through the bundles' source maps.
    execArgv: ["--enable-source-maps"],
    stdout: false,
    stderr: false,
  });
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on("message", listener),
    onExit(listener) {
      worker.on("error", (error) => listener(error));
      worker.on("exit", () => listener());
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    stop: async () => {
      await worker.terminate();
    },
  };
}

function processRunner(): ProbeRunner {
  const child: ChildProcess = spawn(process.execPath, ["-e", probeWorkerSource], {
    // "advanced": the same structured clone a worker thread's messages get.
    serialization: "advanced",
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  // Bun's IPC channel has no ref()/unref() of its own.
  const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
  const setRef = (on: boolean) => {
    if (on) child.ref();
    else child.unref();
    if (typeof channel?.ref === "function" && typeof channel.unref === "function") {
      if (on) channel.ref();
      else channel.unref();
    }
  };
  setRef(false);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    post: (message) => child.send(message as Parameters<ChildProcess["send"]>[0]),
    onMessage: (listener) => child.on("message", listener),
    onExit(listener) {
      child.on("error", (error) => listener(error));
      child.on("exit", () => listener());
    },
    ref: () => setRef(true),
    unref: () => setRef(false),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
