// Body of the realtime-fanout benchmark (run by run.mjs under tsx): `count` multiplexed sockets on
// `wrangler dev`, all subscribed to one project's tasks; each mutation's commit → update received.
import { createRequire } from "node:module";
import { join } from "node:path";
import type { startWranglerDev as StartWranglerDev } from "../../packages/realtime-do/test/smoke/startWranglerDev";
import { appWorkerdUrl } from "./appWorkerdUrl";
import { descendantsCpu } from "./processCpu";

// BENCH_REALTIME_DIR: another copy of the package (same layout, e.g. a checkout of an older commit
// under packages/) to compare against in the same run conditions.
const packageDir = join(
  import.meta.dirname,
  "../..",
  process.env.BENCH_REALTIME_DIR ?? "packages/realtime-do",
);
const { startWranglerDev } = (await import(join(packageDir, "test/smoke/startWranglerDev.ts"))) as {
  startWranglerDev: typeof StartWranglerDev;
};
const require = createRequire(join(import.meta.dirname, "../../packages/realtime-do/package.json"));
const WebSocket = require("ws") as typeof import("ws").default;

interface Sample {
  readonly fromRequest: number[];
  readonly fromResponse: number[];
  /** Per mutation, commit → the first socket's update (event delivery and the re-run). */
  readonly first: number[];
  /** Per mutation, commit → the last socket's update (adds the fan-out to every socket). */
  readonly last: number[];
  readonly received: number;
  /**
   * CPU ms per mutation over the mutation loop: `workerd` (the Worker, its Durable Objects, local D1
   * and wrangler's proxy), `wrangler` (its Node process) and `client` (this process: the `ws` sockets).
   */
  readonly cpuPerMutation: Record<string, number>;
}

/** How the bench reaches the app: through `wrangler dev`'s URL, or straight to the app's workerd. */
export type Route = "proxy" | "direct";

/**
 * `deflate`: whether the sockets offer permessage-deflate, as browsers always do. The local stack
 * (wrangler's proxy and Miniflare's entry) accepts it, so each frame is compressed per socket.
 */
export async function fanout(
  count: number,
  mutations: number,
  deflate: boolean,
  route: Route,
): Promise<Sample & { sockets: number }> {
  const dev = await startWranglerDev();
  const worker = {
    url: route === "direct" ? await appWorkerdUrl(dev.url, "/openapi.json").catch(stopFirst) : dev.url,
  };
  async function stopFirst(error: unknown): Promise<never> {
    await dev.stop();
    throw error;
  }
  const sockets: InstanceType<typeof WebSocket>[] = [];
  try {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${worker.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };
    const projectId = ((await post("/mutations/projects/create", { name: "fanout" })) as { id: number }[])[0]!
      .id;
    const wsUrl = `ws://${new URL(worker.url).host}/realtime/ws`;

    // Every socket: connect, subscribe, wait for the initial result. Opened in waves of 100.
    let onUpdate: ((at: number) => void) | undefined;
    for (let wave = 0; wave < count; wave += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, count - wave) }, async () => {
          const ws = new WebSocket(wsUrl, { perMessageDeflate: deflate });
          sockets.push(ws);
          await new Promise<void>((resolve, reject) => {
            // A socket that never gets its first result fails the run instead of hanging it.
            const timer = setTimeout(
              () => reject(new Error(`a socket got no initial result in 60 s (${sockets.length} opened)`)),
              60_000,
            );
            ws.on("open", () => ws.send(JSON.stringify({ type: "connect" })));
            ws.on("error", reject);
            let initial = false;
            ws.on("message", (data) => {
              const text = data.toString();
              if (text.includes('"connected"')) {
                ws.send(
                  JSON.stringify({
                    type: "subscribe",
                    id: "t",
                    queryName: "tasks/list",
                    args: { projectId },
                  }),
                );
              } else if (text.includes('"query:update"')) {
                if (!initial) {
                  initial = true;
                  clearTimeout(timer);
                  resolve();
                } else onUpdate?.(performance.now());
              }
            });
          });
        }),
      );
    }

    const fromRequest: number[] = [];
    const fromResponse: number[] = [];
    const first: number[] = [];
    const last: number[] = [];
    let received = 0;
    const cpuBefore = descendantsCpu();
    const clientBefore = process.cpuUsage();
    for (let i = 0; i < mutations; i++) {
      const arrivals: number[] = [];
      const all = new Promise<void>((resolve) => {
        onUpdate = (at) => {
          arrivals.push(at);
          if (arrivals.length === count) resolve();
        };
      });
      const start = performance.now();
      await post("/mutations/tasks/create", { title: `fanout ${i}`, projectId });
      const answered = performance.now();
      await Promise.race([all, new Promise((r) => setTimeout(r, 10_000))]);
      received += arrivals.length;
      for (const at of arrivals) {
        fromRequest.push(at - start);
        fromResponse.push(Math.max(0, at - answered));
      }
      if (arrivals.length > 0) {
        first.push(Math.max(0, Math.min(...arrivals) - answered));
        last.push(Math.max(0, Math.max(...arrivals) - answered));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const cpuAfter = descendantsCpu();
    const client = process.cpuUsage(clientBefore);
    const cpuPerMutation: Record<string, number> = {
      client: (client.user + client.system) / 1000 / mutations,
    };
    for (const [comm, ms] of Object.entries(cpuAfter)) {
      const name = comm === "node" ? "wrangler" : comm;
      cpuPerMutation[name] = (cpuPerMutation[name] ?? 0) + (ms - (cpuBefore[comm] ?? 0)) / mutations;
    }
    return { sockets: count, fromRequest, fromResponse, first, last, received, cpuPerMutation };
  } finally {
    for (const ws of sockets) ws.close();
    await dev.stop();
  }
}

const [count, mutations] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 20)];
const result = await fanout(
  count,
  mutations,
  process.argv[4] !== "no-deflate",
  process.argv[5] === "direct" ? "direct" : "proxy",
);
process.stdout.write(`${JSON.stringify(result)}\n`);
