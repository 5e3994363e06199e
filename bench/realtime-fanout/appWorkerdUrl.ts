// The app's own workerd listener behind `wrangler dev`'s proxy. wrangler serves the dev URL from a proxy
// Worker in a second workerd that holds about six file descriptors per open WebSocket, so with a
// 20,000-descriptor limit it stops accepting near 3,300 sockets; the app's workerd holds one. Going
// straight to the app's listener measures the app (and is the only way past that limit on such a host).
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { descendantProcesses } from "./descendantProcesses";

/** `http://127.0.0.1:<port>` of the descendant workerd listener (not `devUrl`) that serves `probePath`. */
export async function appWorkerdUrl(devUrl: string, probePath: string): Promise<string> {
  const inodes = new Set<string>();
  for (const { pid, comm } of descendantProcesses()) {
    if (comm !== "workerd") continue;
    for (const fd of safeList(`/proc/${pid}/fd`)) {
      const link = safeReadlink(`/proc/${pid}/fd/${fd}`);
      const inode = link?.match(/^socket:\[(\d+)\]$/)?.[1];
      if (inode !== undefined) inodes.add(inode);
    }
  }
  const devPort = new URL(devUrl).port;
  // /proc/net/tcp rows: "sl local_address rem_address st … inode"; st 0A is LISTEN, addresses are hex.
  const ports = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .slice(1)
    .map((row) => row.trim().split(/\s+/))
    .filter((f) => f[3] === "0A" && inodes.has(f[9] ?? ""))
    .map((f) => String(Number.parseInt(f[1]!.split(":")[1]!, 16)))
    .filter((port) => port !== devPort && port !== "9229");
  for (const port of ports) {
    const url = `http://127.0.0.1:${port}`;
    const res = await fetch(`${url}${probePath}`).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) return url;
  }
  throw new Error(`no workerd listener behind ${devUrl} answers ${probePath} (tried ${ports.join(", ")})`);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
