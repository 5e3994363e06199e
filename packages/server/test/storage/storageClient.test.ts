import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AppflareError } from "../../src/errors/AppflareError";
import { ForbiddenError } from "../../src/errors/ForbiddenError";
import { InvalidPathError } from "../../src/errors/InvalidPathError";
import type { StorageAccess } from "../../src/handlers/HandlerDefinition";
import { storageChecker } from "../../src/storage/checkStorageAccess";
import { createStorageClient } from "../../src/storage/createStorageClient";
import { REJECTED_KEYS } from "./keyCases";
import { hex, keysUnder, MiB, managersOf, ownerRules, patternStream, sha256Of } from "./support";

function clientFor(userId: string | null, managers = ownerRules) {
  const ctx = { user: userId ? { id: userId } : null };
  return createStorageClient(env.STORAGE, storageChecker(managers), ctx);
}

async function failure(run: Promise<unknown>): Promise<AppflareError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppflareError);
  return error as AppflareError;
}

describe("ctx.storage", () => {
  const u1 = clientFor("u1");
  const u2 = clientFor("u2");

  it("puts, heads, gets, lists and deletes what the managers allow", async () => {
    const info = await u1.put({
      path: "/users/u1/notes.json",
      body: JSON.stringify({ a: 1 }),
      contentType: "application/json",
      customMetadata: { kind: "notes" },
    });
    expect(info).toMatchObject({ path: "users/u1/notes.json", size: 7, contentType: "application/json" });
    expect(info.uploaded).toBeInstanceOf(Date);

    expect((await u1.head({ path: "users/u1/notes.json" }))?.customMetadata).toEqual({ kind: "notes" });
    expect(await (await u1.get({ path: "users/u1/notes.json" }))?.json()).toEqual({ a: 1 });
    expect(await u1.get({ path: "users/u1/missing.json" })).toBeNull();

    const page = await u1.list({ prefix: "users/u1/" });
    expect(page.objects.map((o) => o.path)).toEqual(["users/u1/notes.json"]);
    expect(page).toMatchObject({ prefixes: [], cursor: null, truncated: false });

    await u1.delete({ path: "users/u1/notes.json" });
    expect(await env.STORAGE.head("users/u1/notes.json")).toBeNull();
  });

  it("throws the same 403 as the routes for every denied method, touching nothing", async () => {
    await env.STORAGE.put("users/u1/private.txt", "secret");
    const denied: Array<[string, Promise<unknown>]> = [
      ["put", u2.put({ path: "users/u1/evil.txt", body: "x" })],
      ["get", u2.get({ path: "users/u1/private.txt" })],
      ["get", u2.head({ path: "users/u1/private.txt" })],
      ["delete", u2.delete({ path: "users/u1/private.txt" })],
      ["list", u2.list({ prefix: "users/u1/" })],
    ];
    for (const [method, run] of denied) {
      const error = await failure(run);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.status).toBe(403);
      expect(error.body).toMatchObject({ code: "forbidden", method });
    }
    expect(await keysUnder("users/u1/")).toEqual(["users/u1/private.txt"]);
  });

  it("throws 400 invalid_path for every rejected key before asking the managers", async () => {
    let asked = 0;
    const counting = clientFor(
      "u1",
      managersOf(() => {
        asked++;
        return true;
      }),
    );
    const before = await keysUnder();
    for (const [label, key, rule] of REJECTED_KEYS) {
      const error = await failure(counting.put({ path: key, body: "evil" }));
      expect(error, label).toBeInstanceOf(InvalidPathError);
      expect((error as InvalidPathError).rule, label).toBe(rule);
      expect((await failure(counting.get({ path: key }))).status, label).toBe(400);
      expect((await failure(counting.delete({ path: key }))).status, label).toBe(400);
    }
    expect((await failure(counting.list({ prefix: "a/../" }))).status).toBe(400);
    expect(asked).toBe(0);
    expect(await keysUnder()).toEqual(before);
  });

  it("refuses calls without a path as invalid_path", async () => {
    const error = await failure(u1.get(undefined as never));
    expect(error.body).toMatchObject({ code: "invalid_path", rule: "not_a_string" });
  });

  it("stores a stream of unknown length (multipart past 5 MiB) byte for byte", {
    timeout: 60_000,
  }, async () => {
    const body = patternStream(6 * MiB + 1, 100_000);
    const info = await u1.put({ path: "users/u1/stream.bin", body: body.stream });
    expect(info.size).toBe(6 * MiB + 1);
    expect(info.etag).toMatch(/-2$/);
    const object = await u1.get({ path: "users/u1/stream.bin" });
    expect(await sha256Of(object!.body)).toBe(hex(await body.digest));
  });

  it("checks head as get and hands managers the normalized key", async () => {
    const seen: StorageAccess[] = [];
    const recording = clientFor(
      null,
      managersOf((_ctx, access) => {
        seen.push({ ...access });
        return true;
      }),
    );
    await recording.head({ path: "/rec/a.txt" });
    await recording.list();
    expect(seen).toEqual([
      { path: "rec/a.txt", method: "get" },
      { path: "", method: "list" },
    ]);
  });

  it("gives managers an unchecked ctx.storage, so a rule may read the object without recursing", async () => {
    await env.STORAGE.put("shared/report.pdf", "pdf", { customMetadata: { owner: "u3" } });
    let calls = 0;
    const managers = managersOf(async (ctx, { path, method }) => {
      calls++;
      if (method !== "get" || ctx.user === null) return false;
      return (await ctx.storage.head({ path }))?.customMetadata?.owner === ctx.user.id;
    });
    expect(await (await clientFor("u3", managers).get({ path: "shared/report.pdf" }))?.text()).toBe("pdf");
    expect((await failure(clientFor("u4", managers).get({ path: "shared/report.pdf" }))).status).toBe(403);
    expect(calls).toBe(2);
  });

  it("rejects metadata that R2 cannot store, naming the field", async () => {
    await expect(
      u1.put({ path: "users/u1/m.txt", body: "x", customMetadata: { size: 3 as unknown as string } }),
    ).rejects.toThrow(/customMetadata\.size must be a string/);
    await expect(
      u1.put({ path: "users/u1/m.txt", body: "x", customMetadata: { big: "y".repeat(2046) } }),
    ).rejects.toThrow(
      'ctx.storage.put("users/u1/m.txt"): custom metadata is 2049 bytes; R2 stores at most 2048',
    );
    expect(await env.STORAGE.head("users/u1/m.txt")).toBeNull();
  });
});
