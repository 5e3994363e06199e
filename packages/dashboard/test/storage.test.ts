import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CSRF, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: string;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "storage-admin@example.com", "admin")).token;
});

const upload = (path: string, body: Uint8Array, type: string, extra: Record<string, string> = {}) =>
  send(app, "PUT", `/admin/storage/object?path=${encodeURIComponent(path)}`, {
    token: admin,
    headers: { "x-csrf-token": CSRF, "content-type": type, "content-length": String(body.length), ...extra },
    body,
  });

describe("storage", () => {
  it("uploads (streamed), lists prefixes as folders, previews images and downloads", async () => {
    expect((await upload("pics/cat.png", PNG, "image/png")).status).toBe(200);
    expect(
      (await upload("pics/deep/doc.html", new TextEncoder().encode("<script>x</script>"), "text/html"))
        .status,
    ).toBe(200);
    const root = await (await send(app, "GET", "/admin/storage", { token: admin })).text();
    expect(root).toContain(`href="/admin/storage?prefix=pics%2F"`);
    const pics = await (await send(app, "GET", "/admin/storage?prefix=pics/", { token: admin })).text();
    expect(pics).toContain('alt="Preview of pics/cat.png"');
    expect(pics).toContain("pics%2Fdeep%2F");
    const image = await send(app, "GET", "/admin/storage/object?path=pics/cat.png", { token: admin });
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    // HTML is never served inline from the dashboard's origin.
    const html = await send(app, "GET", "/admin/storage/object?path=pics/deep/doc.html", { token: admin });
    expect(html.headers.get("content-type")).toBe("application/octet-stream");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment/);
  });

  it("refuses a bad key and an upload without the CSRF header, storing nothing", async () => {
    expect((await upload("../escape.txt", PNG, "text/plain")).status).toBe(400);
    const res = await send(app, "PUT", "/admin/storage/object?path=nocsrf.txt", {
      token: admin,
      headers: { "content-type": "text/plain", "content-length": "3" },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(res.status).toBe(403);
    expect(await env.STORAGE.head("nocsrf.txt")).toBeNull();
  });

  it("deletes an object", async () => {
    await upload("gone.txt", PNG, "text/plain");
    expect(
      (await send(app, "POST", "/admin/storage/delete", { token: admin, form: { path: "gone.txt" } })).status,
    ).toBe(303);
    expect(await env.STORAGE.head("gone.txt")).toBeNull();
  });

  it("creates a folder as an empty <prefix>/ marker, listed as a folder and not as an object in it", async () => {
    const res = await send(app, "POST", "/admin/storage/folder", {
      token: admin,
      form: { prefix: "pics/", name: "2026 trips" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/storage?prefix=pics%2F2026%20trips%2F");
    const marker = await env.STORAGE.head("pics/2026 trips/");
    expect(marker?.size).toBe(0);
    const pics = await (await send(app, "GET", "/admin/storage?prefix=pics/", { token: admin })).text();
    expect(pics).toContain('href="/admin/storage?prefix=pics%2F2026%20trips%2F"');
    const inside = await (
      await send(app, "GET", "/admin/storage?prefix=pics/2026%20trips/", { token: admin })
    ).text();
    expect(inside).toContain("Storage: /pics/2026 trips/");
    expect(inside).not.toContain(">Download<");
    // Uploading into it works like any prefix.
    expect((await upload("pics/2026 trips/a.png", PNG, "image/png")).status).toBe(200);
  });

  it("refuses a folder name that is empty, has a slash or breaks the key rules, creating nothing", async () => {
    const before = (await env.STORAGE.list()).objects.length;
    for (const name of ["", "a/b", "..", "bad\\name"]) {
      const res = await send(app, "POST", "/admin/storage/folder", {
        token: admin,
        form: { prefix: "", name },
      });
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).toContain("No folder was created.");
    }
    expect((await env.STORAGE.list()).objects.length).toBe(before);
  });

  it("refuses uploads and deletes in read-only mode", async () => {
    await upload("kept.txt", PNG, "text/plain");
    const ro = makeApp({ readOnly: true });
    const put = await send(ro, "PUT", "/admin/storage/object?path=ro.txt", {
      token: admin,
      headers: { "x-csrf-token": CSRF, "content-type": "text/plain", "content-length": "3" },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(put.status).toBe(403);
    expect(await env.STORAGE.head("ro.txt")).toBeNull();
    expect(
      (await send(ro, "POST", "/admin/storage/delete", { token: admin, form: { path: "kept.txt" } })).status,
    ).toBe(403);
    expect((await send(ro, "POST", "/admin/storage/upload", { token: admin })).status).toBe(403);
    const folder = await send(ro, "POST", "/admin/storage/folder", { token: admin, form: { name: "ro" } });
    expect(folder.status).toBe(403);
    expect(await env.STORAGE.head("ro/")).toBeNull();
    expect(await env.STORAGE.head("kept.txt")).not.toBeNull();
  });
});
