import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidArgsError } from "../../src/errors/AppflareError";
import { rejectedCursor } from "../../src/storage/listObjects";
import { authEnv, migrateAuthDb } from "../auth/support";
import { request } from "./support";

beforeAll(async () => {
  await migrateAuthDb();
  for (const key of ["public/cur/a.txt", "public/cur/b.txt", "public/cur/c.txt"]) {
    await authEnv.STORAGE.put(key, key);
  }
});
afterEach(() => vi.restoreAllMocks());

const list = (cursor?: string) =>
  request(
    "GET",
    `/storage/list?prefix=public/cur/&limit=1${cursor === undefined ? "" : `&cursor=${encodeURIComponent(cursor)}`}`,
  );

describe("GET /storage/list with a foreign cursor", () => {
  it.each(["garbage", "bm90LWEtY3Vyc29y", "\u0000\u0001", "x".repeat(2000)])(
    "cursor %j is never a 500 (local R2 accepts any cursor string)",
    async (cursor) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const reply = await list(cursor);
      expect([200, 400]).toContain(reply.status);
      if (reply.status === 400) expect(reply.body).toMatchObject({ code: "invalid_args" });
      expect(log).not.toHaveBeenCalled();
    },
  );

  it("a cursor R2 returned still pages", async () => {
    const { cursor } = (await list()).body as { cursor: string };
    const next = await list(cursor);
    expect(next.status).toBe(200);
    expect((next.body as { objects: { path: string }[] }).objects[0]?.path).toBe("public/cur/b.txt");
  });
});

describe("rejectedCursor (R2's refusal of a cursor → 400)", () => {
  it.each([
    [
      "an R2 error naming the cursor, with a cursor sent",
      new Error("list: Invalid cursor (10020)"),
      "c",
      true,
    ],
    ["the same error without a cursor sent", new Error("list: Invalid cursor (10020)"), undefined, false],
    ["another R2 failure", new Error("list: We encountered an internal error (10001)"), "c", false],
    ["a non-Error", "cursor", "c", false],
  ])("%s → %s", (_name, error, cursor, mapped) => {
    const result = rejectedCursor(error, cursor);
    if (!mapped) {
      expect(result).toBeUndefined();
      return;
    }
    expect(result).toBeInstanceOf(InvalidArgsError);
    expect((result as InvalidArgsError).body).toMatchObject({
      code: "invalid_args",
      issues: [expect.objectContaining({ path: ["cursor"] })],
    });
  });
});
