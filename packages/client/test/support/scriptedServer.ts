import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { ClientMessage } from "@appflare/realtime-do/protocol";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A scripted realtime server on a real `ws` socket: records what each connection sent and sends the
 * frames a test chooses (docs/realtime.md shapes).
 *
 * @example
 * const server = await scriptedServer();
 * await server.until(() => server.received[0]?.length === 1);
 * server.send(0, { event: "connected", payload: { connectionId: "c1", userId: null } });
 */
export async function scriptedServer() {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await once(wss, "listening");
  const sockets: WebSocket[] = [];
  const received: ClientMessage[][] = [];
  const waiters: (() => void)[] = [];
  wss.on("connection", (socket) => {
    const index = sockets.push(socket) - 1;
    received[index] = [];
    socket.on("message", (raw) => {
      received[index]?.push(JSON.parse(String(raw)) as ClientMessage);
      for (const wake of waiters.splice(0)) wake();
    });
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (check: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 20);
      });
    }
  };
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    sockets,
    received,
    until,
    send: (socketIndex: number, message: unknown) => sockets[socketIndex]?.send(JSON.stringify(message)),
    close: () =>
      new Promise<void>((resolve) => {
        // ws waits for open connections before "close": end them first.
        for (const socket of sockets) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}
