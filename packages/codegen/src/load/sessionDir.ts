import { mkdirSync, readdirSync, realpathSync, rmSync } from "node:fs";
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
  // The real path: Node runs a bundle from its real path, and its source map's relative `sources` must
  // be written from there too, or a symlinked node_modules (where the cache lives) sends the user's
  // files to the wrong folder and errors lose their file:line.
  const dir = join(realpathSync(cacheDir), `s${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
