import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { count, migrateAuthDb } from "../auth/support";
import { json, ORIGIN, request } from "./support";

beforeAll(migrateAuthDb);
afterEach(() => vi.restoreAllMocks());

describe("any thrown value is the documented 500 (issue 9 item 6)", () => {
  it.each(["string", "object", "null", "undefined", "number"])(
    "throw <%s> → 500 JSON with requestId, CORS and a log line",
    async (kind) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const reply = await request("GET", `/queries/edge/throwValue?kind=${kind}`, {
        headers: { origin: ORIGIN, "x-request-id": `thrown-${kind}` },
      });
      expect(reply.status).toBe(500);
      expect(reply.headers.get("content-type")).toContain("application/json");
      expect(reply.body).toEqual({
        code: "internal",
        message: "Internal error",
        requestId: `thrown-${kind}`,
      });
      expect(reply.headers.get("x-request-id")).toBe(`thrown-${kind}`);
      expect(reply.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      // The thrown text reaches the log, never the client.
      expect(reply.text).not.toContain("plain text failure");
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining(`thrown-${kind}`),
        expect.objectContaining({ name: "ThrownValueError" }),
      );
    },
  );

  it("a mutation that wrote, then threw a string: 500 JSON; its committed write stays (D1 has no rollback)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await count("labels");
    const reply = await request("POST", "/mutations/edge/writeThenThrowString", {
      headers: { ...json, origin: ORIGIN },
      body: JSON.stringify({ name: "written-before-throw" }),
    });
    expect(reply.status).toBe(500);
    expect(reply.body).toMatchObject({ code: "internal" });
    expect(reply.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(await count("labels")).toBe(before + 1);
  });
});

describe("bigint results are serialized", () => {
  it("as JSON numbers when safe, as decimal strings beyond 2^53 − 1", async () => {
    const reply = await request("GET", "/queries/edge/bigints");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      small: 42,
      negative: -7,
      maxSafe: Number.MAX_SAFE_INTEGER,
      unsafe: "9007199254740993",
      nested: [1, { deep: "-18446744073709551616" }],
    });
  });
});
