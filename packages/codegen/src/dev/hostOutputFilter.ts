import { Transform } from "node:stream";

/** wrangler's lines about the no-op custom build the dev host uses to turn its watcher off. */
const NOISE = [
  /dev-host\.trigger changed, restarting build/,
  /\[custom build\] Running: cd \./,
  /__appflare\/dev-ping/,
];

/**
 * Passes the dev host's output through, line by line, without the lines that only describe
 * appflare's own plumbing (they would send a user looking for a build step that does not exist).
 *
 * @example
 * host.stdout.pipe(hostOutputFilter()).pipe(process.stdout);
 */
export function hostOutputFilter(): Transform {
  let rest = "";
  return new Transform({
    transform(chunk: Buffer, _, callback) {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      const kept = lines.filter((line) => !NOISE.some((re) => re.test(line)));
      callback(null, kept.length > 0 ? `${kept.join("\n")}\n` : "");
    },
    flush(callback) {
      callback(null, rest && !NOISE.some((re) => re.test(rest)) ? rest : "");
    },
  });
}
