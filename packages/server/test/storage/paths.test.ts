import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { REJECTED_KEYS } from "./keyCases";
import { keysUnder, managersOf, send, storageApp } from "./support";

// Keys with unpaired surrogates cannot be put in a URL (encodeURIComponent throws); the JSON upload
// route and ctx.storage cover them.
const URL_KEYS = REJECTED_KEYS.filter(([, , rule]) => rule !== "invalid_unicode");

let asked = 0;
const app = storageApp({
  managers: managersOf(() => {
    asked++;
    return true;
  }),
});

beforeAll(async () => {
  await env.STORAGE.put("existing/file.txt", "keep me");
  await env.STORAGE.put("a/b", "a sibling a traversal could reach");
});

async function expectRefused(res: Response, rule: string): Promise<void> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ code: "invalid_path", rule });
  expect(String(body.message)).toMatch(/^Invalid storage path /);
}

describe("every rejected key → 400 invalid_path, nothing written, no rule asked", () => {
  it.each(URL_KEYS)("PUT %s", async (_label, key, rule) => {
    const before = await keysUnder();
    asked = 0;
    const res = await send(app, "PUT", `/storage/object?path=${encodeURIComponent(key)}`, { body: "evil" });
    await expectRefused(res, rule);
    expect(await keysUnder()).toEqual(before);
    expect(asked).toBe(0);
  });

  it.each(URL_KEYS)("POST /storage/upload %s", async (_label, key, rule) => {
    const before = await keysUnder();
    asked = 0;
    const res = await send(app, "POST", "/storage/upload", {
      body: JSON.stringify({ path: key, base64Body: btoa("evil") }),
      headers: { "content-type": "application/json" },
    });
    await expectRefused(res, rule);
    expect(await keysUnder()).toEqual(before);
    expect(asked).toBe(0);
  });

  it.each(URL_KEYS)("GET %s", async (_label, key, rule) => {
    asked = 0;
    await expectRefused(await send(app, "GET", `/storage/object?path=${encodeURIComponent(key)}`), rule);
    expect(asked).toBe(0);
  });

  it.each(URL_KEYS)("DELETE %s", async (_label, key, rule) => {
    const before = await keysUnder();
    asked = 0;
    await expectRefused(await send(app, "DELETE", `/storage/object?path=${encodeURIComponent(key)}`), rule);
    expect(await keysUnder()).toEqual(before);
    expect(asked).toBe(0);
  });

  it.each(URL_KEYS.filter(([, , rule]) => rule !== "empty" && rule !== "trailing_slash"))(
    "GET /storage/list?prefix= %s",
    async (_label, key, rule) => {
      asked = 0;
      await expectRefused(await send(app, "GET", `/storage/list?prefix=${encodeURIComponent(key)}`), rule);
      expect(asked).toBe(0);
    },
  );

  it("refuses an unpaired surrogate sent in the JSON upload body", async () => {
    const before = await keysUnder();
    const res = await send(app, "POST", "/storage/upload", {
      body: JSON.stringify({ path: "a\ud800b", base64Body: btoa("evil") }),
    });
    await expectRefused(res, "invalid_unicode");
    expect(await keysUnder()).toEqual(before);
  });

  it("refuses a path sent raw with an encoded traversal (decoded once by the URL parser)", async () => {
    // The client did not encode: `%2e%2e%2f` arrives as "../", `%252e%252e%252f` as "%2e%2e%2f".
    await expectRefused(await send(app, "GET", "/storage/object?path=a/%2e%2e%2fb"), "dot_segment");
    await expectRefused(
      await send(app, "GET", "/storage/object?path=a/%252e%252e%252fb"),
      "encoded_separator",
    );
    await expectRefused(await send(app, "GET", "/storage/object?path=a%5c..%5cb"), "backslash");
    await expectRefused(await send(app, "GET", "/storage/object?path=a%00b"), "control_character");
  });

  it("refuses a missing or repeated path parameter", async () => {
    await expectRefused(await send(app, "GET", "/storage/object"), "empty");
    await expectRefused(
      await send(app, "PUT", "/storage/object?path=ok.txt&path=../x", { body: "x" }),
      "given_twice",
    );
    await expectRefused(await send(app, "GET", "/storage/list?prefix=a&prefix=b"), "given_twice");
    expect(await env.STORAGE.head("ok.txt")).toBeNull();
  });
});

describe("accepted keys are stored under their normalized form", () => {
  it.each([
    ["a leading slash", "/norm/lead.txt", "norm/lead.txt"],
    ["unicode and spaces", "norm/café 日本/😀 photo.png", "norm/café 日本/😀 photo.png"],
    ["dots in names", "norm/v1..2/.hidden.tar.gz", "norm/v1..2/.hidden.tar.gz"],
  ])("%s", async (_label, key, stored) => {
    const res = await send(app, "PUT", `/storage/object?path=${encodeURIComponent(key)}`, { body: "ok" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ path: stored });
    expect(await (await env.STORAGE.get(stored))?.text()).toBe("ok");
  });
});
