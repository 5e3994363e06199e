import { describe, expect, it } from "vitest";
import {
  type ClientMessage,
  decodeClientMessage,
  decodeServerMessage,
  encodeMessage,
  PING_FRAME,
  PONG_FRAME,
  type ServerMessage,
  signatureOf,
} from "./index";

describe("client messages", () => {
  const messages: ClientMessage[] = [
    { type: "connect" },
    { type: "connect", authToken: "tok" },
    { type: "subscribe", id: "1", queryName: "tasks/list", args: { projectId: "p" } },
    { type: "subscribe", id: "2", queryName: "tasks/list", args: {}, known: { version: 7, hash: "abc" } },
    { type: "unsubscribe", id: "1" },
    { type: "ping" },
  ];

  it("round-trips every message through encode/decode", () => {
    for (const message of messages) {
      expect(decodeClientMessage(encodeMessage(message))).toEqual({ ok: true, message });
    }
  });

  it("encodes ping as the bare 0.2 frame the runtime answers without waking the object", () => {
    expect(encodeMessage({ type: "ping" })).toBe(PING_FRAME);
    expect(decodeClientMessage('{"type":"ping"}')).toEqual({ ok: true, message: { type: "ping" } });
  });

  it("defaults missing subscribe args to {}", () => {
    const r = decodeClientMessage('{"type":"subscribe","id":"a","queryName":"q"}');
    expect(r).toEqual({ ok: true, message: { type: "subscribe", id: "a", queryName: "q", args: {} } });
  });

  it("names the field at fault", () => {
    const cases: [string, string, RegExp][] = [
      ["not json", "invalid_json", /not JSON/],
      ["[1]", "invalid_message", /^message: expected an object/],
      ['{"type":"nope"}', "invalid_message", /^message.type: .*"nope"/],
      ['{"type":"subscribe","id":"","queryName":"q"}', "invalid_message", /^subscribe.id/],
      ['{"type":"subscribe","id":"a"}', "invalid_message", /^subscribe.queryName/],
      [
        '{"type":"subscribe","id":"a","queryName":"q","known":{"version":-1,"hash":"h"}}',
        "invalid_message",
        /^subscribe.known.version/,
      ],
      [
        '{"type":"subscribe","id":"a","queryName":"q","known":{"version":1}}',
        "invalid_message",
        /^subscribe.known.hash/,
      ],
      ['{"type":"unsubscribe","id":5}', "invalid_message", /^unsubscribe.id/],
      ['{"type":"connect","authToken":7}', "invalid_message", /^connect.authToken/],
      [`{"type":"unsubscribe","id":"${"x".repeat(129)}"}`, "invalid_message", /at most 128/],
    ];
    for (const [frame, code, message] of cases) {
      const r = decodeClientMessage(frame);
      expect(r.ok, frame).toBe(false);
      if (!r.ok) {
        expect(r.error.code, frame).toBe(code);
        expect(r.error.message, frame).toMatch(message);
      }
    }
  });
});

describe("server messages", () => {
  const messages: ServerMessage[] = [
    { event: "connected", payload: { connectionId: "c", userId: null } },
    { event: "connected", payload: { connectionId: "c", userId: "u1" } },
    {
      event: "query:update",
      payload: { id: "1", queryName: "q", signature: "q::{}", version: 3, hash: "h", data: [{ a: 1 }] },
    },
    { event: "query:update", payload: { queryName: "q", signature: "q::{}", data: null } },
    { event: "query:current", payload: { id: "1", version: 3, hash: "h" } },
    { event: "query:error", payload: { id: "1", status: 401, code: "unauthorized", message: "Sign in" } },
    { event: "error", payload: { status: 401 } },
    { event: "error", payload: { status: 400, code: "invalid_message", message: "m" } },
    { event: "pong" },
  ];

  it("round-trips every message", () => {
    for (const message of messages) {
      expect(decodeServerMessage(encodeMessage(message))).toEqual({ ok: true, message });
    }
  });

  it("decodes the 0.2 pong frame byte for byte", () => {
    expect(decodeServerMessage(PONG_FRAME)).toEqual({ ok: true, message: { event: "pong" } });
    expect(encodeMessage({ event: "pong" })).toBe(PONG_FRAME);
  });

  it("refuses unknown events and malformed payloads", () => {
    expect(decodeServerMessage('{"event":"x"}').ok).toBe(false);
    expect(
      decodeServerMessage(
        '{"event":"query:update","payload":{"id":"1","queryName":"q","signature":"s","version":"1","hash":"h"}}',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid_message", message: expect.stringMatching(/version/) },
    });
  });
});

describe("signatureOf", () => {
  it("is queryName :: JSON with keys sorted recursively", () => {
    expect(signatureOf("tasks/list", { b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } })).toBe(
      'tasks/list::{"a":{"c":3,"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(signatureOf("q", undefined)).toBe("q::null");
  });
});
