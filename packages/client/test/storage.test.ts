import { describe, expect, inject, it } from "vitest";
import { createClient } from "../src/index";
import type { FixtureApi } from "./fixtureApi";

const endpoint = inject("endpoint");
const client = createClient<FixtureApi>({ endpoint });
const dir = `public/storage-${Date.now()}`;

describe("storage helpers against the fixture's R2 routes", () => {
  it("upload streams with progress, then get, url, list and delete", async () => {
    const body = new Uint8Array(150_000).fill(7);
    const progress: number[] = [];
    const put = await client.storage.upload({
      path: `${dir}/a.bin`,
      body,
      contentType: "application/octet-stream",
      onProgress: ({ loaded, total }) => {
        expect(total).toBe(body.byteLength);
        progress.push(loaded);
      },
    });
    expect(put.error).toBeNull();
    expect(put.data).toMatchObject({
      path: `${dir}/a.bin`,
      size: body.byteLength,
      contentType: "application/octet-stream",
    });
    // 64 KiB chunks: 3 reports, the last one complete.
    expect(progress).toEqual([65_536, 131_072, 150_000]);

    const got = await client.storage.get({ path: `${dir}/a.bin` });
    expect(new Uint8Array(await (got.data as Response).arrayBuffer())).toEqual(body);

    const url = client.storage.url({ path: `${dir}/a.bin`, download: "copy.bin" });
    const downloaded = await fetch(url);
    expect(downloaded.headers.get("content-disposition")).toContain("copy.bin");

    await client.storage.upload({ path: `${dir}/b.txt`, body: "hello", contentType: "text/plain" });
    const listed = await client.storage.list({ prefix: `${dir}/` });
    expect(listed.data?.objects.map((o) => o.path)).toEqual([`${dir}/a.bin`, `${dir}/b.txt`]);

    expect((await client.storage.delete({ path: `${dir}/a.bin` })).data).toEqual({
      path: `${dir}/a.bin`,
      deleted: true,
    });
    expect((await client.storage.get({ path: `${dir}/a.bin` })).error?.status).toBe(404);
  });

  it("a ReadableStream body is streamed (no length known up front)", async () => {
    const chunks = ["stream", "ed ", "body"];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const seen: (number | undefined)[] = [];
    const put = await client.storage.upload({
      path: `${dir}/s.txt`,
      body: stream,
      contentType: "text/plain",
      onProgress: ({ total }) => seen.push(total),
    });
    expect(put.error).toBeNull();
    expect(seen).toEqual([undefined, undefined, undefined]);
    expect(await ((await client.storage.get({ path: `${dir}/s.txt` })).data as Response).text()).toBe(
      "streamed body",
    );
  });

  it("refusals are errors with the server's code: 403 outside public/, 400 bad key, 413 over uploadBytes", async () => {
    const denied = await client.storage.upload({ path: "private/x.txt", body: "no" });
    expect(denied.error).toMatchObject({ status: 403, code: "forbidden", route: "PUT /storage/object" });
    const bad = await client.storage.upload({ path: "public/../x.txt", body: "no" });
    expect(bad.error).toMatchObject({ status: 400, code: "invalid_path" });
    const big = await client.storage.upload({ path: `${dir}/big.bin`, body: new Uint8Array(300_000) });
    expect(big.error).toMatchObject({ status: 413, code: "payload_too_large" });
    const listed = await client.storage.list({ prefix: `${dir}/big` });
    expect(listed.data?.objects).toEqual([]);
  });
});
