import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { objectUrl, send, storageApp } from "./support";

const app = storageApp();
const KEY = "media/numbers.txt";
// 1000 bytes, "000 001 002 … 249." — every slice is distinct, so a wrong offset cannot pass.
const CONTENT = Array.from({ length: 250 }, (_, i) => String(i).padStart(3, "0"))
  .join(" ")
  .padEnd(1000, ".");
let etag = "";

beforeAll(async () => {
  const object = await env.STORAGE.put(KEY, CONTENT, { httpMetadata: { contentType: "text/plain" } });
  etag = object.httpEtag;
});

function get(headers: Record<string, string> = {}, extra = ""): Promise<Response> {
  return send(app, "GET", objectUrl(KEY, extra), { headers });
}

describe("GET /storage/object", () => {
  it("serves the whole object with validators and safe headers", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(CONTENT);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "text/plain",
      "content-length": "1000",
      etag,
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "cache-control": "private, no-cache",
    });
    expect(Date.parse(res.headers.get("last-modified") ?? "")).not.toBeNaN();
    expect(res.headers.has("content-disposition")).toBe(false);
  });

  it("serves application/octet-stream when no type was given", async () => {
    await env.STORAGE.put("media/untyped", new Uint8Array([1, 2, 3]));
    const res = await send(app, "GET", objectUrl("media/untyped"));
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await send(app, "HEAD", objectUrl(KEY));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("1000");
    expect(res.headers.get("etag")).toBe(etag);
    expect(await res.text()).toBe("");
  });

  it("is 404 not_found for a missing object", async () => {
    const res = await send(app, "GET", objectUrl("media/missing.txt"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: "not_found",
      message: 'No storage object at "media/missing.txt"',
    });
  });
});

describe("Range", () => {
  it("serves the first bytes with 206 and Content-Range", async () => {
    const res = await get({ range: "bytes=0-99" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 0-99/1000");
    expect(res.headers.get("content-length")).toBe("100");
    expect(await res.text()).toBe(CONTENT.slice(0, 100));
  });

  it("serves a suffix range (the last 100 bytes)", async () => {
    const res = await get({ range: "bytes=-100" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 900-999/1000");
    expect(await res.text()).toBe(CONTENT.slice(900));
  });

  it("serves an open-ended range", async () => {
    const res = await get({ range: "bytes=990-" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 990-999/1000");
    expect(await res.text()).toBe(CONTENT.slice(990));
  });

  it("clamps a range that runs past the end", async () => {
    const res = await get({ range: "bytes=995-5000" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 995-999/1000");
    expect(await res.text()).toBe(CONTENT.slice(995));
  });

  it("is 416 with Content-Range: bytes */size for an unsatisfiable range", async () => {
    for (const range of ["bytes=1000-", "bytes=5000-6000", "bytes=-0"]) {
      const res = await get({ range });
      expect(res.status).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */1000");
      expect(await res.json()).toMatchObject({ code: "range_not_satisfiable", path: KEY, size: 1000 });
    }
  });

  it("serves the whole object for several ranges or a malformed header", async () => {
    for (const range of ["bytes=0-1,5-6", "bytes=9-2", "lines=1-2"]) {
      const res = await get({ range });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(CONTENT);
    }
  });

  it("honours If-Range: a stale validator gets the whole object", async () => {
    const fresh = await get({ range: "bytes=0-9", "if-range": etag });
    expect(fresh.status).toBe(206);
    await fresh.arrayBuffer();
    const stale = await get({ range: "bytes=0-9", "if-range": '"some-older-etag"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(CONTENT);
  });
});

describe("conditional requests", () => {
  it("answers 304 to a matching If-None-Match, 200 otherwise", async () => {
    const same = await get({ "if-none-match": `"nope", ${etag}` });
    expect(same.status).toBe(304);
    expect(same.headers.get("etag")).toBe(etag);
    expect(await same.text()).toBe("");
    const other = await get({ "if-none-match": '"nope"' });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("answers 304 to If-Modified-Since at or after the upload", async () => {
    const head = await env.STORAGE.head(KEY);
    const later = new Date(head!.uploaded.getTime() + 60_000).toUTCString();
    expect((await get({ "if-modified-since": later })).status).toBe(304);
    const earlier = new Date(head!.uploaded.getTime() - 60_000).toUTCString();
    const res = await get({ "if-modified-since": earlier });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
});

describe("downloads", () => {
  it("adds Content-Disposition: attachment with the UTF-8 name", async () => {
    const res = await get({}, `&download=${encodeURIComponent("Résumé 2024.txt")}`);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="R_sum_ 2024.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%202024.txt`,
    );
    await res.arrayBuffer();
  });

  it("sanitizes the name", async () => {
    const res = await get({}, `&download=${encodeURIComponent('../../x"\r\nSet-Cookie: a=b.html')}`);
    const header = res.headers.get("content-disposition") ?? "";
    expect(header).toBe(
      `attachment; filename="....x Set-Cookie: a=b.html"; filename*=UTF-8''....x%20Set-Cookie%3A%20a%3Db.html`,
    );
    expect(res.headers.has("set-cookie")).toBe(false);
    await res.arrayBuffer();
  });

  it("uses the key's last segment for an empty download name", async () => {
    const res = await get({}, "&download");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="numbers.txt"; filename*=UTF-8''numbers.txt`,
    );
    await res.arrayBuffer();
  });

  it("keeps the disposition on ranged downloads", async () => {
    const res = await get({ range: "bytes=0-9" }, "&download=n.txt");
    expect(res.status).toBe(206);
    expect(res.headers.get("content-disposition")).toContain('filename="n.txt"');
    await res.arrayBuffer();
  });
});

describe("DELETE /storage/object and other methods", () => {
  it("deletes, and deleting again still succeeds", async () => {
    await env.STORAGE.put("media/gone.txt", "bye");
    const res = await send(app, "DELETE", objectUrl("media/gone.txt"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: "media/gone.txt", deleted: true });
    expect(await env.STORAGE.head("media/gone.txt")).toBeNull();
    expect((await send(app, "DELETE", objectUrl("media/gone.txt"))).status).toBe(200);
    expect((await send(app, "GET", objectUrl("media/gone.txt"))).status).toBe(404);
  });

  it("answers 405 with Allow for other methods", async () => {
    const res = await send(app, "PATCH", objectUrl(KEY), { body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, PUT, DELETE");
    expect(await res.json()).toMatchObject({ code: "method_not_allowed" });
    expect((await send(app, "GET", "/storage/upload")).headers.get("allow")).toBe("POST");
    expect((await send(app, "POST", "/storage/list")).headers.get("allow")).toBe("GET, HEAD");
  });
});
