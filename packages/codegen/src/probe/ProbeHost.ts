import { pathToFileURL } from "node:url";
import { ProbeError, type ProbeErrorData } from "./ProbeError";
import { type ProbeRunner, probesNeedFreshProcess, startProbeRunner } from "./ProbeRunner";

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ProbeErrorData };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Options of {@link ProbeHost}. */
export interface ProbeHostOptions {
  /**
   * Runs before the worker is replaced. Each run imports a new module version that Node never
   * unloads, so a long watch session recycles the thread to free memory; a warm worker keeps
   * packages (zod, drizzle-orm…) loaded between runs, which is what makes regeneration fast.
   */
  readonly runsPerWorker?: number;
  /** A user module that never settles (top-level await) fails after this long. */
  readonly timeoutMs?: number;
}

/**
 * Runs bundled probe modules in a worker thread (a child process on Bun, see {@link ProbeRunner}). User modules are arbitrary code: in a worker, a
 * timer or socket they leave open cannot keep the CLI alive, and `terminate()` frees everything.
 *
 * @example
 * const host = new ProbeHost();
 * const handlers = await host.run<HandlerInfo[]>("/app/node_modules/.cache/appflare/handlers.mjs");
 * await host.close();
 */
export class ProbeHost {
  private worker: ProbeRunner | undefined;
  private runs = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly runsPerWorker: number;
  private readonly timeoutMs: number;

  constructor(options: ProbeHostOptions = {}) {
    // On Bun a runner cannot see bundles written after its first run: one run per process there.
    this.runsPerWorker = probesNeedFreshProcess ? 1 : (options.runsPerWorker ?? 40);
    // Generous: it catches a module that never settles, and a cold runner importing zod and
    // drizzle-orm on a loaded 2-core machine took tens of seconds (a false "never settles").
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  /**
   * Imports `file` (a fresh version each call) in the worker and resolves with its `probe(input)`
   * result. `input` is structured-cloned to the thread: data that must not be written into a bundle on
   * disk (a password) travels this way.
   */
  async run<T>(file: string, input?: unknown): Promise<T> {
    if (this.worker && this.runs >= this.runsPerWorker) await this.close();
    const worker = this.worker ?? this.start();
    this.runs++;
    const id = this.nextId++;
    const url = `${pathToFileURL(file).href}?v=${id}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `Loading ${file} did not finish within ${this.timeoutMs} ms (a top-level await that never settles?)`,
          ),
        );
        void this.close();
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      // Referenced only while a run is pending: an idle loader must not keep the CLI process alive.
      worker.ref();
      worker.post({ id, url, input });
    });
  }

  /** Terminates the worker; pending runs reject. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.runs = 0;
    this.failAll(new Error("The module loader was stopped"));
    if (worker) await worker.stop();
  }

  private start(): ProbeRunner {
    const worker = startProbeRunner(probesNeedFreshProcess ? "process" : "thread");
    worker.onMessage((message) => {
      const reply = message as Reply;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new ProbeError(reply.error));
    });
    worker.onExit((error) => {
      // An exception thrown later by user code (a timer callback) kills the thread: fail what is waiting.
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error ?? new Error("The module loader thread exited"));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: unknown): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
