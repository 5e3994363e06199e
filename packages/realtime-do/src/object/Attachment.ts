/**
 * What a socket carries across hibernation (`serializeAttachment`, ≤ 16 KB): only its identity.
 * Everything else (caller, subscriptions) is in the shard's SQLite storage.
 */
export interface Attachment {
  readonly connectionId: string;
  readonly mode: "multiplexed" | "endpoint";
  /** `undefined` until a multiplexed socket sent `connect`; `null` when anonymous. */
  readonly userId: string | null | undefined;
  readonly sessionId: string | null;
}

/** The attachment of a socket, or `undefined` for a socket this object did not set up. */
export function attachmentOf(ws: WebSocket): Attachment | undefined {
  const value = ws.deserializeAttachment() as Attachment | null;
  return value && typeof value.connectionId === "string" ? value : undefined;
}

/** The tag a socket is accepted with, to find it again after hibernation. */
export function connectionTag(connectionId: string): string {
  return `c:${connectionId}`;
}
