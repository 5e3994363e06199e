import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { StorageListResult } from "../../src/storage/listObjects";
import { send, storageApp } from "./support";

const app = storageApp();
const KEYS = [
  "shelf/a/1.txt",
  "shelf/a/2.txt",
  "shelf/b/3.txt",
  "shelf/c.txt",
  "shelf/d.json",
  "shelves/other.txt",
];

beforeAll(async () => {
  for (const key of KEYS) {
    await env.STORAGE.put(key, key, {
      httpMetadata: { contentType: key.endsWith(".json") ? "application/json" : "text/plain" },
    });
  }
});

async function list(query: string): Promise<StorageListResult> {
  const res = await send(app, "GET", `/storage/list?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as StorageListResult;
}

describe("GET /storage/list", () => {
  it("lists objects under a prefix with path, size, etag, uploaded and content type", async () => {
    const page = await list("prefix=shelf/");
    expect(page.objects.map((o) => o.path)).toEqual(KEYS.slice(0, 5));
    expect(page.prefixes).toEqual([]);
    expect(page.truncated).toBe(false);
    expect(page.cursor).toBeNull();
    const head = await env.STORAGE.head("shelf/d.json");
    expect(page.objects[4]).toEqual({
      path: "shelf/d.json",
      size: "shelf/d.json".length,
      etag: head?.etag,
      uploaded: head?.uploaded.toISOString(),
      contentType: "application/json",
    });
  });

  it("pages with limit and cursor until every object was seen once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: StorageListResult = await list(
        `prefix=shelf/&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.objects.length).toBeLessThanOrEqual(2);
      expect(page.truncated).toBe(page.cursor !== null);
      seen.push(...page.objects.map((o) => o.path));
      cursor = page.cursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(KEYS.slice(0, 5));
    expect(pages).toBe(3);
  });

  it("groups by a delimiter into prefixes", async () => {
    const page = await list("prefix=shelf/&delimiter=/");
    expect(page.objects.map((o) => o.path)).toEqual(["shelf/c.txt", "shelf/d.json"]);
    expect(page.prefixes).toEqual(["shelf/a/", "shelf/b/"]);
  });

  it("normalizes the prefix (a leading slash is stripped)", async () => {
    const page = await list("prefix=%2Fshelf%2Fa%2F");
    expect(page.objects.map((o) => o.path)).toEqual(["shelf/a/1.txt", "shelf/a/2.txt"]);
  });

  it("lists the whole bucket without a prefix", async () => {
    const page = await list("limit=1000");
    expect(page.objects.map((o) => o.path)).toEqual(expect.arrayContaining(KEYS));
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["limit=ten", "limit"],
    ["limit=-1", "limit"],
    ["limit=2.5", "limit"],
  ])("refuses %s with 400 invalid_args naming the option", async (query, option) => {
    const res = await send(app, "GET", `/storage/list?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; issues: { path: string[] }[] };
    expect(body.code).toBe("invalid_args");
    expect(body.message).toContain("limit must be an integer from 1 to 1000");
    expect(body.issues[0]?.path).toEqual([option]);
  });

  it("refuses a delimiter with control characters", async () => {
    const res = await send(app, "GET", "/storage/list?delimiter=%0A");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_args" });
  });
});
