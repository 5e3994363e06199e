import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hex, keysUnder, managersOf, ownerRules, patternChunk, send, storageApp } from "./support";

// 48 KiB is a multiple of 3, so each chunk's base64 stands alone (no padding until the end).
const CHUNK = 48 * 1024;

/**
 * A `POST /storage/upload` body generated on demand: `head` (the JSON up to `"base64Body":"`), then
 * the base64 of `chunks` pattern chunks, then `tail` (from the closing quote on). `pulled()` counts
 * the pieces handed to the reader, so a test sees how much of the body the server read.
 */
function uploadStream(head: string, chunks: number, tail = '"}', corruptAt = -1) {
  const utf8 = new TextEncoder();
  let step = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const i = step++;
      if (i === 0) controller.enqueue(utf8.encode(head));
      else if (i <= chunks) {
        const text = btoa(String.fromCharCode(...patternChunk(i - 1, CHUNK)));
        controller.enqueue(
          utf8.encode(i - 1 === corruptAt ? `${text.slice(0, 100)}!${text.slice(101)}` : text),
        );
      } else if (i === chunks + 1) controller.enqueue(utf8.encode(tail));
      else controller.close();
    },
  });
  return { stream, pulled: () => step };
}

async function sha256Chunks(chunks: number): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  const writer = digest.getWriter();
  for (let i = 0; i < chunks; i++) await writer.write(patternChunk(i, CHUNK));
  await writer.close();
  return hex(await digest.digest);
}

async function objectSha256(key: string): Promise<string | null> {
  const object = await env.STORAGE.get(key);
  if (!object) return null;
  const digest = new crypto.DigestStream("SHA-256");
  await object.body.pipeTo(digest);
  return hex(await digest.digest);
}

const post = (
  app: ReturnType<typeof storageApp>,
  body: ReadableStream<Uint8Array>,
  user?: string,
  query = "",
) =>
  send(app, "POST", `/storage/upload${query}`, {
    body,
    user,
    headers: { "content-type": "application/json" },
  });

describe("POST /storage/upload streams: access first, then decode into R2", () => {
  const guarded = storageApp({ managers: ownerRules });

  it.each([
    ["anonymous", undefined],
    ["another user", "u2"],
  ])("refuses %s with 403 after reading only the head of a 9 MiB body", async (_label, user) => {
    const before = await keysUnder();
    const body = uploadStream('{"path":"users/u1/secret.bin","base64Body":"', 200);
    const res = await post(guarded, body.stream, user);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden", path: "users/u1/secret.bin", method: "put" });
    // The head, and at most the piece the reader had asked for in advance: never the payload.
    expect(body.pulled()).toBeLessThanOrEqual(3);
    expect(await keysUnder()).toEqual(before);
  });

  it("asks no manager about an upload with no managers, and reads nothing past the head", async () => {
    const closed = storageApp({ managers: managersOf() });
    const body = uploadStream('{"path":"a/b.bin","base64Body":"', 200);
    expect((await post(closed, body.stream, "u1")).status).toBe(403);
    expect(body.pulled()).toBeLessThanOrEqual(3);
    expect(await env.STORAGE.head("a/b.bin")).toBeNull();
  });

  it("stops at the cap with 413 naming limits.uploadBytes, not reading the rest", async () => {
    const capped = storageApp({ uploadBytes: 4 * CHUNK });
    const body = uploadStream('{"path":"cap/over.bin","base64Body":"', 200);
    const res = await post(capped, body.stream, "u1");
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: "payload_too_large",
      message: `Request body is larger than ${4 * CHUNK} bytes (limits.uploadBytes in the app config)`,
    });
    expect(body.pulled()).toBeLessThanOrEqual(8);
    expect(await keysUnder("cap/")).toEqual([]);
  });

  it("stores a multi-part (6.75 MiB) upload byte-exact, metadata before the body", async () => {
    const app = storageApp({ managers: ownerRules });
    const chunks = 144; // 144 × 48 KiB = 6.75 MiB: a multipart upload of 5 MiB parts
    const head =
      '{"path":"users/u1/big.bin","contentType":"application/x-big","customMetadata":{"n":"1"},"base64Body":"';
    const res = await post(app, uploadStream(head, chunks).stream, "u1");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ path: "users/u1/big.bin", size: chunks * CHUNK });
    expect(await objectSha256("users/u1/big.bin")).toBe(await sha256Chunks(chunks));
    const stored = await env.STORAGE.head("users/u1/big.bin");
    expect(stored?.httpMetadata?.contentType).toBe("application/x-big");
    expect(stored?.customMetadata).toEqual({ n: "1" });
  });

  it("takes metadata after base64Body for a one-part upload, and the key from ?path=", async () => {
    const app = storageApp();
    const body = uploadStream(
      '{"base64Body":"',
      3,
      '","contentType":"text/x-late","customMetadata":{"k":"v"}}',
    );
    const res = await post(app, body.stream, "u1", "?path=late%2Fsmall.bin");
    expect(res.status).toBe(200);
    expect(await objectSha256("late/small.bin")).toBe(await sha256Chunks(3));
    const stored = await env.STORAGE.head("late/small.bin");
    expect(stored?.httpMetadata?.contentType).toBe("text/x-late");
    expect(stored?.customMetadata).toEqual({ k: "v" });
  });

  it.each([
    [
      "invalid base64 deep in the payload",
      '{"path":"bad/mid.bin","base64Body":"',
      '"}',
      120,
      "not valid base64",
    ],
    [
      "metadata after the body of a multipart upload",
      '{"path":"bad/late.bin","base64Body":"',
      '","customMetadata":{"k":"v"}}',
      -1,
      "must come before base64Body",
    ],
    [
      "text after the JSON object",
      '{"path":"bad/trail.bin","base64Body":"',
      '"} x',
      -1,
      "text follows the JSON object",
    ],
    [
      "a body cut inside base64Body",
      '{"path":"bad/cut.bin","base64Body":"',
      "",
      -1,
      "ends inside base64Body",
    ],
  ])("refuses %s with 400, storing nothing", async (_label, head, tail, corruptAt, mention) => {
    const app = storageApp();
    const before = await keysUnder();
    const res = await post(app, uploadStream(head, 130, tail, corruptAt).stream, "u1");
    expect(res.status).toBe(400);
    const json = (await res.json()) as { code: string; message: string };
    expect(json.code).toBe("invalid_args");
    expect(json.message).toContain(mention);
    expect(await keysUnder()).toEqual(before);
  });

  it.each([
    [
      "path after base64Body",
      { base64Body: "aGk=", path: "p/after.txt" },
      "",
      "path is required before base64Body",
    ],
    [
      "?path= disagreeing with path",
      { path: "p/a.txt", base64Body: "aGk=" },
      "?path=p%2Fb.txt",
      "differs from",
    ],
    ["base64Body twice", '{"path":"p/t.txt","base64Body":"aGk=","base64Body":"aGk="}', "", "given twice"],
    ["path twice", '{"path":"p/t.txt","path":"p/u.txt","base64Body":"aGk="}', "", "given twice"],
    ["a JSON escape other than \\/", '{"path":"p/e.txt","base64Body":"aG\\u0041="}', "", "not valid base64"],
  ])("refuses %s with 400", async (_label, body, query, mention) => {
    const app = storageApp();
    const before = await keysUnder();
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const res = await send(app, "POST", `/storage/upload${query}`, { body: text });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(mention);
    expect(await keysUnder()).toEqual(before);
  });

  it("accepts slashes escaped as \\/ (some JSON encoders write them)", async () => {
    const app = storageApp();
    const res = await send(app, "POST", "/storage/upload", {
      body: '{"path":"esc/s.bin","base64Body":"\\/\\/8="}',
    });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await (await env.STORAGE.get("esc/s.bin"))!.arrayBuffer())).toEqual(
      Uint8Array.from(atob("//8="), (c) => c.charCodeAt(0)),
    );
  });
});
