import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A scratch folder for one CLI session under the app's cache folder. Sessions never share bundles, so
 * an `appflare build` run while `appflare dev` is watching cannot overwrite files the dev session's
 * loader thread is about to import. Folders left by sessions that died are removed here.
 *
 * @example
 * const dir = createSessionDir("/app/node_modules/.cache/appflare"); // ".../s12345-k3j2"
 */
export function createSessionDir(cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  for (const entry of readdirSync(cacheDir)) {
    const pid = /^s(\d+)-/.exec(entry)?.[1];
    if (pid !== undefined && !alive(Number(pid)))
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
  const dir = join(cacheDir, `s${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
