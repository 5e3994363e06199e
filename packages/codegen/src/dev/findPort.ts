import { createServer } from "node:net";

const free = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });

/**
 * `wanted` if it is free on `host`, else the next free port above it (up to 50 tries).
 *
 * @example
 * await findPort("localhost", 8787); // 8787, or 8788 when 8787 is taken
 */
export async function findPort(host: string, wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 50; port++) if (await free(host, port)) return port;
  throw new Error(`ports ${wanted}–${wanted + 49} on ${host} are all taken: pass another with -- --port <n>`);
}
