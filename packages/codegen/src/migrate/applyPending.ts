import { quietWranglerEnv } from "../tools/quietWranglerEnv";
import { runTool, type ToolResult } from "../tools/runTool";
import { toolBin } from "../tools/toolBin";

/** Where {@link applyPending} applies and how long it keeps trying. */
export interface ApplyPendingOptions {
  readonly root: string;
  readonly binding: string;
  readonly target: "local" | "remote";
  /** wrangler's local state folder (`--persist-to`), local target only; wrangler's default otherwise. */
  readonly persistTo?: string;
  readonly signal?: AbortSignal;
  /** Waits between attempts when the local database is busy (ms); one more attempt than entries. */
  readonly backoffMs?: readonly number[];
}

/** Local D1 is a SQLite file; another workerd (the dev Worker) holding a lock makes a write fail at once. */
const BUSY = /SQLITE_BUSY|database is locked/i;

const DEFAULT_BACKOFF = [100, 200, 400, 800, 1600, 3200];

/**
 * `wrangler d1 migrations apply <binding> --local|--remote`, tried again when the local database is
 * busy: `appflare dev` applies while its Worker (a second workerd on the same SQLite file) may still be
 * answering a request, and SQLite there waits for no lock. Each wrangler attempt applies a migration
 * and records it in `d1_migrations` in one batch, so a busy attempt left nothing half-applied.
 *
 * @example
 * const { code, output } = await applyPending({ root, binding: "DB", target: "local" });
 */
export async function applyPending(options: ApplyPendingOptions): Promise<ToolResult> {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF;
  for (let attempt = 0; ; attempt++) {
    const result = await runTool(
      toolBin(options.root, "wrangler", "wrangler"),
      [
        "d1",
        "migrations",
        "apply",
        options.binding,
        `--${options.target}`,
        ...(options.target === "local" && options.persistTo ? ["--persist-to", options.persistTo] : []),
      ],
      // CI=1 answers wrangler's "apply these migrations?" prompt.
      {
        cwd: options.root,
        stdio: "pipe",
        env: { ...quietWranglerEnv(process.env), CI: "1" },
        signal: options.signal,
      },
    );
    const wait = backoff[attempt];
    const retry = result.code !== 0 && BUSY.test(result.output) && !options.signal?.aborted;
    if (!retry || wait === undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
