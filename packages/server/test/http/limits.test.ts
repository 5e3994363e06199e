import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, countRows, makeWorker, migrate, seedUser } from "./support";

const LIMIT = 1024;
const worker = makeWorker({ config: { limits: { bodyBytes: LIMIT } } });

beforeAll(async () => {
  await migrate();
  await seedUser("u-limits");
});

/** A body streamed in chunks with no Content-Length (chunked transfer), counting what was pulled. */
function chunkedBody(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"text":"' : "x".repeat(chunkBytes)));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("body limit (limits.bodyBytes)", () => {
  it("accepts a body of exactly the limit", async () => {
    const text = "x".repeat(LIMIT - '{"text":""}'.length);
    const res = await call(worker, "POST", "/mutations/projects/echo", { json: { text } });
    expect(res.status).toBe(200);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const before = await countRows("projects");
    const body = JSON.stringify({
      name: "n",
      slug: "too-big",
      ownerId: "u-limits",
      budget: 1,
      pad: "x".repeat(LIMIT),
    });
    const res = await call(worker, "POST", "/mutations/projects/create", {
      body,
      headers: { "content-length": String(body.length) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      code: "payload_too_large",
      message: `Request body is larger than ${LIMIT} bytes`,
    });
    expect(await countRows("projects")).toBe(before);
  });

  it("cuts off a chunked body as soon as it passes the limit", async () => {
    const before = await countRows("projects");
    const body = chunkedBody(1000, 256);
    const request = new Request("http://appflare.test/mutations/projects/create", {
      method: "POST",
      body: body.stream,
      // @ts-expect-error `duplex` is required by the fetch spec for streamed bodies; workers-types lacks it
      duplex: "half",
    });
    expect(request.headers.get("content-length")).toBeNull();
    const res = await worker.worker.fetch(request, env, createExecutionContext());
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
    // 1 KiB limit, 256-byte chunks: it stops after a handful, never near the 1000 offered.
    expect(body.pulled()).toBeLessThan(10);
    expect(await countRows("projects")).toBe(before);
  });

  it("does not trust a Content-Length smaller than the real body", async () => {
    const body = chunkedBody(50, 256);
    const request = new Request("http://appflare.test/mutations/projects/echo", {
      method: "POST",
      body: body.stream,
      headers: { "content-length": "10", "content-type": "application/json" },
      // @ts-expect-error see above
      duplex: "half",
    });
    const res = await worker.worker.fetch(request, env, createExecutionContext());
    expect(res.status).toBe(413);
  });
});
