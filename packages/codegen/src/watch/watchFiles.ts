import { statSync } from "node:fs";
import { resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/** A running watch: retarget it after each build, close it on exit. */
export interface FileWatch {
  /** Resolves once the initial scan is done: changes after this are reported. */
  readonly ready: Promise<void>;
  /** Watches exactly `targets` from now on (adds new ones, drops the rest). */
  setTargets(targets: readonly string[]): void;
  close(): Promise<void>;
}

/** chokidar drops a second `change` of one path within 50 ms; re-checking after this catches it. */
const RECHECK_MS = 80;

function stamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return "missing";
  }
}

/**
 * Watches files and folders and calls `onChange` with the batch of paths that changed, once per burst
 * (editors often write a file in several steps). `ignore` filters paths inside watched folders.
 *
 * chokidar throttles repeated changes of one path (a write landing within 50 ms of the previous one is
 * not reported at all), which tools and fast typists hit; so every reported file is stat'ed again
 * shortly after, and reported once more if it changed meanwhile.
 *
 * @example
 * const w = watchFiles(["/app/src", "/app/schema.ts"], (files) => console.log(files), () => false);
 * await w.ready;
 */
export function watchFiles(
  targets: readonly string[],
  onChange: (files: string[]) => void,
  ignore: (file: string) => boolean,
  debounceMs = 25,
): FileWatch {
  let current = new Set(targets);
  let closed = false;
  const watcher: FSWatcher = watch([...current], {
    ignoreInitial: true,
    ignored: (file: string) => file.includes("node_modules") || ignore(resolve(file)),
  });
  const ready = new Promise<void>((done) => watcher.once("ready", () => done()));
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rechecks = new Set<NodeJS.Timeout>();

  /** File → its stat stamp when last handed to `onChange` (the content the consumer will read). */
  const reported = new Map<string, string>();
  const flush = () => {
    const batch = [...pending];
    pending = new Set();
    for (const file of batch) reported.set(file, stamp(file));
    const recheck = setTimeout(() => {
      rechecks.delete(recheck);
      for (const file of batch) if (!closed && stamp(file) !== reported.get(file)) queue(file);
    }, RECHECK_MS);
    rechecks.add(recheck);
    onChange(batch);
  };
  const queue = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  watcher.on("all", (_event, file) => queue(resolve(file)));

  return {
    ready,
    setTargets(next) {
      const wanted = new Set(next);
      const added = [...wanted].filter((t) => !current.has(t));
      const removed = [...current].filter((t) => !wanted.has(t));
      if (added.length > 0) watcher.add(added);
      if (removed.length > 0) watcher.unwatch(removed);
      current = wanted;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const recheck of rechecks) clearTimeout(recheck);
      await watcher.close();
    },
  };
}
