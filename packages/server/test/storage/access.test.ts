import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { StorageAccess } from "../../src/handlers/HandlerDefinition";
import { keysUnder, managersOf, objectUrl, ownerRules, send, storageApp } from "./support";

const app = storageApp({ managers: ownerRules });

beforeAll(async () => {
  const text = { httpMetadata: { contentType: "text/plain" } };
  await env.STORAGE.put("users/u1/doc.txt", "u1's document", text);
  await env.STORAGE.put("users/u2/doc.txt", "u2's document", text);
  await env.STORAGE.put("public/readme.txt", "for everyone", text);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function expectForbidden(res: Response, method: string, path: string): Promise<void> {
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({
    code: "forbidden",
    path,
    method,
    message: `Storage access denied: no storage manager allows ${method} on ${method === "list" ? `the prefix "${path}"` : `"${path}"`}`,
  });
}

describe("storage managers decide every route", () => {
  it("put: the owner may, another user and anonymous callers may not", async () => {
    expect((await send(app, "PUT", objectUrl("users/u1/new.txt"), { body: "mine", user: "u1" })).status).toBe(
      200,
    );
    await expectForbidden(
      await send(app, "PUT", objectUrl("users/u1/evil.txt"), { body: "x", user: "u2" }),
      "put",
      "users/u1/evil.txt",
    );
    await expectForbidden(
      await send(app, "PUT", objectUrl("users/u1/anon.txt"), { body: "x" }),
      "put",
      "users/u1/anon.txt",
    );
    expect(await keysUnder("users/u1/")).toEqual(["users/u1/doc.txt", "users/u1/new.txt"]);
  });

  it("put via the base64 route is checked the same way", async () => {
    const upload = (user: string) =>
      send(app, "POST", "/storage/upload", {
        body: JSON.stringify({ path: "users/u1/b64.txt", base64Body: btoa("hi") }),
        user,
      });
    await expectForbidden(await upload("u2"), "put", "users/u1/b64.txt");
    expect(await env.STORAGE.head("users/u1/b64.txt")).toBeNull();
    expect((await upload("u1")).status).toBe(200);
  });

  it("get: the owner and public readers may, others may not", async () => {
    const own = await send(app, "GET", objectUrl("users/u1/doc.txt"), { user: "u1" });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe("u1's document");
    expect(await (await send(app, "GET", objectUrl("public/readme.txt"))).text()).toBe("for everyone");
    await expectForbidden(
      await send(app, "GET", objectUrl("users/u1/doc.txt"), { user: "u2" }),
      "get",
      "users/u1/doc.txt",
    );
    const head = await send(app, "HEAD", objectUrl("users/u1/doc.txt"));
    expect(head.status).toBe(403);
    expect(head.headers.get("content-length")).toBeNull();
  });

  it("get of a missing object is 403 before 404, so denied callers learn nothing", async () => {
    await expectForbidden(
      await send(app, "GET", objectUrl("users/u1/nope.txt"), { user: "u2" }),
      "get",
      "users/u1/nope.txt",
    );
    expect((await send(app, "GET", objectUrl("users/u1/nope.txt"), { user: "u1" })).status).toBe(404);
  });

  it("delete: only the owner", async () => {
    await expectForbidden(
      await send(app, "DELETE", objectUrl("users/u2/doc.txt"), { user: "u1" }),
      "delete",
      "users/u2/doc.txt",
    );
    expect(await env.STORAGE.head("users/u2/doc.txt")).not.toBeNull();
    const res = await send(app, "DELETE", objectUrl("users/u2/doc.txt"), { user: "u2" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: "users/u2/doc.txt", deleted: true });
    expect(await env.STORAGE.head("users/u2/doc.txt")).toBeNull();
  });

  it("list: asked about the prefix", async () => {
    expect((await send(app, "GET", "/storage/list?prefix=users/u1/", { user: "u1" })).status).toBe(200);
    expect((await send(app, "GET", "/storage/list?prefix=public/")).status).toBe(200);
    await expectForbidden(
      await send(app, "GET", "/storage/list?prefix=users/u1/", { user: "u2" }),
      "list",
      "users/u1/",
    );
    await expectForbidden(await send(app, "GET", "/storage/list", { user: "u1" }), "list", "");
  });
});

describe("what the managers see and how they fail", () => {
  it("sees only the normalized key and the method", async () => {
    const seen: StorageAccess[] = [];
    const recording = storageApp({
      managers: managersOf((_ctx, access) => {
        seen.push({ ...access });
        return true;
      }),
    });
    await send(recording, "PUT", "/storage/object?path=%2Fseen%2Fa.txt", { body: "x" });
    await send(recording, "GET", "/storage/object?path=/seen/a.txt");
    await send(recording, "DELETE", "/storage/object?path=/seen/a.txt");
    await send(recording, "GET", "/storage/list?prefix=/seen/");
    expect(seen).toEqual([
      { path: "seen/a.txt", method: "put" },
      { path: "seen/a.txt", method: "get" },
      { path: "seen/a.txt", method: "delete" },
      { path: "seen/", method: "list" },
    ]);
  });

  it("denies everything without managers, without building a context", async () => {
    let built = 0;
    const closed = storageApp({ managers: new Map(), onBuildContext: () => built++ });
    const res = await send(closed, "PUT", objectUrl("public/x.txt"), { body: "x" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toContain("no storage manager is defined");
    expect((await send(closed, "GET", objectUrl("public/readme.txt"))).status).toBe(403);
    expect(built).toBe(0);
    expect(await env.STORAGE.head("public/x.txt")).toBeNull();
  });

  it("turns a throwing manager into a logged 403, and still lets another manager grant", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = storageApp({
      managers: managersOf(() => {
        throw new Error("bug in a rule");
      }),
    });
    const res = await send(broken, "PUT", objectUrl("public/broken.txt"), { body: "x" });
    expect(res.status).toBe(403);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('storage manager "rules/0" threw'),
      expect.any(Error),
    );
    expect(await env.STORAGE.head("public/broken.txt")).toBeNull();

    const rescued = storageApp({
      managers: managersOf(
        () => {
          throw new Error("bug in a rule");
        },
        () => true,
      ),
    });
    expect((await send(rescued, "PUT", objectUrl("public/rescued.txt"), { body: "x" })).status).toBe(200);
  });

  it("lets a manager read the object through its own (unchecked) ctx.storage", async () => {
    // Writers tag objects with their owner; readers must be that owner.
    const byOwnerTag = storageApp({
      managers: managersOf(async (ctx, { path, method }) => {
        if (method === "put") return ctx.user !== null;
        if (method !== "get" || ctx.user === null) return false;
        const head = await ctx.storage.head({ path });
        return head?.customMetadata?.owner === ctx.user.id;
      }),
    });
    const put = await send(byOwnerTag, "PUT", objectUrl("tagged/photo.jpg"), {
      body: "jpeg",
      user: "u7",
      headers: { "x-appflare-meta-owner": "u7" },
    });
    expect(put.status).toBe(200);
    expect((await send(byOwnerTag, "GET", objectUrl("tagged/photo.jpg"), { user: "u7" })).status).toBe(200);
    expect((await send(byOwnerTag, "GET", objectUrl("tagged/photo.jpg"), { user: "u8" })).status).toBe(403);
  });
});
