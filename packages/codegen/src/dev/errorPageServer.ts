import { createServer, type Server } from "node:http";

/**
 * A stand-in on the dev port while no Worker can run (the first build failed, or workerd refused the
 * Worker): every request gets a 503 JSON error saying what is wrong and that saving a fix recovers,
 * instead of a refused connection.
 *
 * @example
 * const page = await errorPageServer("localhost", 8787, () => "schema.ts:4: unknown column type");
 * await new Promise((r) => page.close(r));
 */
export async function errorPageServer(host: string, port: number, message: () => string): Promise<Server> {
  const server = createServer((_, res) => {
    const body = JSON.stringify({
      error: {
        code: "dev_build_failed",
        message: `appflare dev cannot run the Worker: ${message()} — fix it and save; the Worker restarts by itself.`,
      },
    });
    res.writeHead(503, { "content-type": "application/json; charset=utf-8", "retry-after": "1" });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port }, () => resolve());
  });
  return server;
}
