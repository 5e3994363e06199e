import { signatureOf } from "../protocol/signatureOf";
import type { KeyRow } from "../store/SubscriptionStore";

/** Frames of one stored result, built once per push and shared by every socket it goes to. */
export interface ResultFrames {
  /** Multiplexed `query:update` for subscription `id`. */
  update(id: string): string;
  /** Endpoint-first (0.2) `query:update`: the same text for every socket. */
  readonly endpointUpdate: string;
  /** `query:current` for subscription `id`. */
  current(id: string): string;
}

/**
 * Encodes a key's stored result into its wire frames without parsing the data again: the stored JSON
 * text is spliced in as is, and each subscription id's frame is built once (clients number their
 * subscriptions alike, so most sockets share one string), so a push to N sockets costs one encode, not N (docs/realtime.md shapes, the
 * same text `encodeMessage` would produce).
 *
 * @example
 * const frames = resultFrames(row);
 * ws.send(frames.update("sub-1"));
 */
export function resultFrames(row: KeyRow): ResultFrames {
  const queryName = JSON.stringify(row.queryName);
  const signature = JSON.stringify(signatureOf(row.queryName, JSON.parse(row.args)));
  const hash = JSON.stringify(row.hash);
  const tail = `"queryName":${queryName},"signature":${signature},"version":${row.version},"hash":${hash},"data":${row.data}}}`;
  return {
    update: once((id) => `{"event":"query:update","payload":{"id":${JSON.stringify(id)},${tail}`),
    endpointUpdate: `{"event":"query:update","payload":{"queryName":${queryName},"signature":${signature},"data":${row.data}}}`,
    current: once(
      (id) =>
        `{"event":"query:current","payload":{"id":${JSON.stringify(id)},"version":${row.version},"hash":${hash}}}`,
    ),
  };
}

/** Memoizes a frame builder per subscription id (one string per id, reused for every socket). */
function once(build: (id: string) => string): (id: string) => string {
  const built = new Map<string, string>();
  return (id) => {
    let frame = built.get(id);
    if (frame === undefined) {
      frame = build(id);
      built.set(id, frame);
    }
    return frame;
  };
}
