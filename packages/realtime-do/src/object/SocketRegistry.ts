import { type Attachment, attachmentOf } from "./Attachment";

/** An open socket and the wire mode its frames use. */
export interface OpenSocket {
  readonly ws: WebSocket;
  readonly mode: Attachment["mode"];
}

/**
 * The object's open sockets by connection id, in memory, so a push to N sockets is N map lookups
 * instead of N runtime calls (`getWebSockets(tag)`) and N attachment decodes. Memory does not survive
 * hibernation: the map is rebuilt from the runtime's sockets the first time it is needed after the
 * object wakes (one decode per socket per wake, not per push).
 *
 * @example
 * const sockets = new SocketRegistry(() => ctx.getWebSockets());
 * sockets.get(connectionId)?.ws.send(frame);
 */
export class SocketRegistry {
  #byConnection: Map<string, OpenSocket> | undefined;

  /** `all` lists every socket the runtime holds for the object (`ctx.getWebSockets()`). */
  constructor(private readonly all: () => WebSocket[]) {}

  /** The open socket of a connection, if this object holds one. */
  get(connectionId: string): OpenSocket | undefined {
    return this.map().get(connectionId);
  }

  /** Registers a socket just accepted with `attachment`. */
  add(ws: WebSocket, attachment: Attachment): void {
    this.map().set(attachment.connectionId, { ws, mode: attachment.mode });
  }

  /** Forgets a connection's socket (closed or closing). */
  remove(connectionId: string): void {
    this.#byConnection?.delete(connectionId);
  }

  private map(): Map<string, OpenSocket> {
    if (this.#byConnection === undefined) {
      this.#byConnection = new Map();
      for (const ws of this.all()) {
        const attachment = attachmentOf(ws);
        if (attachment !== undefined)
          this.#byConnection.set(attachment.connectionId, { ws, mode: attachment.mode });
      }
    }
    return this.#byConnection;
  }
}
