import { describe, expect, it } from "vitest";
import { encodeMessage } from "../protocol/encodeMessage";
import { signatureOf } from "../protocol/signatureOf";
import type { KeyRow } from "../store/SubscriptionStore";
import { resultFrames } from "./encodeResult";

const data = [{ id: 1, title: 'quote " and \\ and \u2028', at: "2026-01-01T00:00:00.000Z" }];
const row: KeyRow = {
  key: "k",
  queryName: "tasks/list",
  args: JSON.stringify({ projectId: 3, b: [1, { z: 1, a: 2 }] }),
  userId: null,
  caller: null,
  version: 1_764_000_000_000_123,
  hash: "abc_-",
  data: JSON.stringify(data),
  reads: "[]",
  dirty: false,
  bookmark: null,
};

describe("resultFrames", () => {
  it("produces exactly what encodeMessage would, for every frame", () => {
    const frames = resultFrames(row);
    const signature = signatureOf(row.queryName, JSON.parse(row.args));
    expect(frames.update('id "1"')).toBe(
      encodeMessage({
        event: "query:update",
        payload: {
          id: 'id "1"',
          queryName: row.queryName,
          signature,
          version: row.version,
          hash: "abc_-",
          data,
        },
      }),
    );
    expect(frames.endpointUpdate).toBe(
      encodeMessage({ event: "query:update", payload: { queryName: row.queryName, signature, data } }),
    );
    expect(frames.current("s")).toBe(
      encodeMessage({ event: "query:current", payload: { id: "s", version: row.version, hash: "abc_-" } }),
    );
  });
});
