import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hex, MiB, objectUrl, patternStream, send, sha256Of, storageApp } from "./support";

describe("PUT /storage/object: streamed uploads", () => {
  const app = storageApp({ uploadBytes: 100 * MiB });

  it("stores a 50 MB streamed body (with Content-Length) byte for byte", { timeout: 120_000 }, async () => {
    const total = 50 * MiB;
    const body = patternStream(total, 256 * 1024);
    const res = await send(app, "PUT", objectUrl("uploads/fifty.bin"), {
      body: body.stream,
      headers: { "content-length": String(total), "content-type": "application/x-test" },
    });
    expect(res.status).toBe(200);
    const info = (await res.json()) as Record<string, unknown>;
    expect(info).toMatchObject({ path: "uploads/fifty.bin", size: total, contentType: "application/x-test" });
    expect(typeof info.etag).toBe("string");
    expect(Number.isNaN(Date.parse(String(info.uploaded)))).toBe(false);

    const sent = hex(await body.digest);
    const read = await send(app, "GET", objectUrl("uploads/fifty.bin"));
    expect(read.status).toBe(200);
    expect(read.headers.get("content-length")).toBe(String(total));
    expect(await sha256Of(read.body!)).toBe(sent);
  });

  it("stores a body without Content-Length as a multipart upload of equal parts", {
    timeout: 60_000,
  }, async () => {
    const chunked = storageApp({ uploadBytes: 100 * MiB, partBytes: 5 * MiB });
    const total = 12 * MiB + 12_345;
    const body = patternStream(total, 100_000);
    const res = await send(chunked, "PUT", objectUrl("uploads/chunked.bin"), { body: body.stream });
    expect(res.status).toBe(200);
    const head = await env.STORAGE.head("uploads/chunked.bin");
    expect(head?.size).toBe(total);
    // R2 marks multipart objects' etags with the part count: 5 MiB + 5 MiB + the rest.
    expect(head?.etag).toMatch(/-3$/);
    const object = await env.STORAGE.get("uploads/chunked.bin");
    expect(await sha256Of(object!.body)).toBe(hex(await body.digest));
  });

  it("stores a short body without Content-Length with one put", async () => {
    const body = patternStream(300_000, 7_000);
    const res = await send(app, "PUT", objectUrl("uploads/small-chunked.bin"), { body: body.stream });
    expect(res.status).toBe(200);
    const object = await env.STORAGE.get("uploads/small-chunked.bin");
    expect(object?.size).toBe(300_000);
    expect(object?.etag).not.toContain("-");
    expect(await sha256Of(object!.body)).toBe(hex(await body.digest));
  });

  it("stores an empty body", async () => {
    const res = await send(app, "PUT", objectUrl("uploads/empty.txt"), { body: "" });
    expect(res.status).toBe(200);
    expect((await env.STORAGE.head("uploads/empty.txt"))?.size).toBe(0);
  });

  it("keeps the content type and x-appflare-meta-* headers as custom metadata", async () => {
    const res = await send(app, "PUT", objectUrl("uploads/meta.txt"), {
      body: "hello",
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "x-appflare-meta-owner": "u1",
        "X-Appflare-Meta-Album": "summer 2024",
      },
    });
    expect(res.status).toBe(200);
    const head = await env.STORAGE.head("uploads/meta.txt");
    expect(head?.httpMetadata?.contentType).toBe("text/plain; charset=utf-8");
    expect(head?.customMetadata).toEqual({ owner: "u1", album: "summer 2024" });
    const read = await send(app, "GET", objectUrl("uploads/meta.txt"));
    expect(read.headers.get("x-appflare-meta-owner")).toBe("u1");
    expect(read.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("refuses metadata headers over R2's 2 KiB (which local R2 would accept) with 400, storing nothing", async () => {
    // 7 ("comment") + 2042 bytes = 2049: one byte over. Exactly 2048 is stored.
    const over = await send(app, "PUT", objectUrl("uploads/meta-over.txt"), {
      body: "hello",
      headers: { "x-appflare-meta-comment": "x".repeat(2042) },
    });
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({
      code: "invalid_args",
      message:
        "x-appflare-meta-* headers: custom metadata is 2049 bytes; R2 stores at most 2048 (keys and values, UTF-8)",
    });
    expect(await env.STORAGE.head("uploads/meta-over.txt")).toBeNull();
    const fits = await send(app, "PUT", objectUrl("uploads/meta-fits.txt"), {
      body: "hello",
      headers: { "x-appflare-meta-comment": "x".repeat(2041) },
    });
    expect(fits.status).toBe(200);
  });
});

describe("PUT /storage/object: the upload cap (limits.uploadBytes)", () => {
  const CAP = 1 * MiB;
  const app = storageApp({ uploadBytes: CAP, partBytes: 5 * MiB });
  const tooLarge = { code: "payload_too_large", message: `Request body is larger than ${CAP} bytes` };

  it("accepts a body of exactly the cap", async () => {
    const body = patternStream(CAP);
    const res = await send(app, "PUT", objectUrl("cap/exact.bin"), { body: body.stream });
    expect(res.status).toBe(200);
    expect((await env.STORAGE.head("cap/exact.bin"))?.size).toBe(CAP);
  });

  it("refuses a Content-Length over the cap with 413 before reading the body", async () => {
    const body = patternStream(2 * CAP);
    const res = await send(app, "PUT", objectUrl("cap/declared.bin"), {
      body: body.stream,
      headers: { "content-length": String(2 * CAP) },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge);
    expect(body.pulled()).toBeLessThanOrEqual(1);
    expect(await env.STORAGE.head("cap/declared.bin")).toBeNull();
  });

  it("cuts off a body without Content-Length once it passes the cap, storing nothing", async () => {
    const body = patternStream(3 * CAP, 64 * 1024);
    const res = await send(app, "PUT", objectUrl("cap/chunked.bin"), { body: body.stream });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge);
    // Reading stopped right after the cap (plus the stream's read-ahead), not at the end of the body.
    expect(body.pulled()).toBeLessThan(CAP / (64 * 1024) + 4);
    expect(await env.STORAGE.head("cap/chunked.bin")).toBeNull();
  });

  it("aborts a multipart upload that passes the cap after some parts were sent", {
    timeout: 60_000,
  }, async () => {
    const big = storageApp({ uploadBytes: 12 * MiB, partBytes: 5 * MiB });
    const body = patternStream(20 * MiB, 256 * 1024);
    const res = await send(big, "PUT", objectUrl("cap/multipart.bin"), { body: body.stream });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: "payload_too_large",
      message: `Request body is larger than ${12 * MiB} bytes`,
    });
    expect(await env.STORAGE.head("cap/multipart.bin")).toBeNull();
  });

  it("refuses a body longer than its (lying) Content-Length, storing nothing", async () => {
    const body = patternStream(5000, 1000);
    const res = await send(app, "PUT", objectUrl("cap/lying.bin"), {
      body: body.stream,
      headers: { "content-length": "1000" },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: "payload_too_large",
      message: "Request body is larger than 1000 bytes",
    });
    expect(await env.STORAGE.head("cap/lying.bin")).toBeNull();
  });

  it("refuses a body shorter than its Content-Length with 400, storing nothing", async () => {
    const body = patternStream(1000, 100);
    const res = await send(app, "PUT", objectUrl("cap/short.bin"), {
      body: body.stream,
      headers: { "content-length": "5000" },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_body" });
    expect(await env.STORAGE.head("cap/short.bin")).toBeNull();
  });

  it("leaves an existing object untouched when its replacement is refused", async () => {
    await env.STORAGE.put("cap/keep.txt", "original");
    const body = patternStream(2 * CAP);
    const res = await send(app, "PUT", objectUrl("cap/keep.txt"), { body: body.stream });
    expect(res.status).toBe(413);
    expect(await (await env.STORAGE.get("cap/keep.txt"))?.text()).toBe("original");
  });
});
