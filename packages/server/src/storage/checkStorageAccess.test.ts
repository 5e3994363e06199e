import { afterEach, describe, expect, it, vi } from "vitest";
import { ForbiddenError } from "../errors/ForbiddenError";
import type { StorageAccess } from "../handlers/HandlerDefinition";
import { checkStorageAccess, type StorageManagerLike } from "./checkStorageAccess";

const access: StorageAccess = { path: "users/u1/a.png", method: "put" };

function managers(...handlers: Array<(ctx: { user: string }, access: StorageAccess) => unknown>) {
  return new Map<string, StorageManagerLike>(handlers.map((handler, i) => [`rules/m${i}`, { handler }]));
}

async function outcome(run: Promise<void>): Promise<string> {
  try {
    await run;
    return "granted";
  } catch (error) {
    if (error instanceof ForbiddenError) return "denied";
    throw error;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("checkStorageAccess", () => {
  it("denies everything without managers, saying how to add one", async () => {
    const error = await checkStorageAccess(new Map(), {}, access).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).status).toBe(403);
    expect((error as ForbiddenError).body).toMatchObject({
      code: "forbidden",
      path: "users/u1/a.png",
      method: "put",
    });
    expect((error as ForbiddenError).body.message).toContain("storageManager(");
  });

  it("grants when any manager returns true, sync or async", async () => {
    expect(
      await outcome(
        checkStorageAccess(
          managers(
            () => false,
            () => true,
          ),
          {},
          access,
        ),
      ),
    ).toBe("granted");
    expect(
      await outcome(
        checkStorageAccess(
          managers(async () => true),
          {},
          access,
        ),
      ),
    ).toBe("granted");
  });

  it("denies when every manager says no, and names the method and path", async () => {
    const error = await checkStorageAccess(
      managers(
        () => false,
        async () => false,
      ),
      {},
      access,
    ).catch((e: unknown) => e);
    expect((error as ForbiddenError).body.message).toBe(
      'Storage access denied: no storage manager allows put on "users/u1/a.png"',
    );
  });

  it("grants only on the boolean true", async () => {
    for (const value of [1, "yes", {}, [], undefined, null]) {
      expect(
        await outcome(
          checkStorageAccess(
            managers(() => value),
            {},
            access,
          ),
        ),
      ).toBe("denied");
    }
  });

  it("passes ctx and the access, and stops at the first grant", async () => {
    const seen: unknown[] = [];
    const third = vi.fn(() => true);
    const ctx = { user: "u1" };
    await checkStorageAccess(
      managers(
        (c, a) => {
          seen.push([c, a]);
          return false;
        },
        (c) => c.user === "u1",
        third,
      ),
      ctx,
      access,
    );
    expect(seen).toEqual([[ctx, access]]);
    expect(third).not.toHaveBeenCalled();
  });

  it("treats a throwing manager as a denial, logs it with its name, and still asks the others", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = managers(() => {
      throw new Error("rule bug");
    });
    expect(await outcome(checkStorageAccess(failing, {}, access))).toBe("denied");
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('storage manager "rules/m0" threw');

    const rejecting = managers(
      async () => Promise.reject(new Error("async bug")),
      () => true,
    );
    expect(await outcome(checkStorageAccess(rejecting, {}, access))).toBe("granted");
  });

  it("hands managers a frozen copy of the access", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await outcome(
      checkStorageAccess(
        managers((_c, a) => {
          (a as { path: string }).path = "public/x";
          return false;
        }),
        {},
        access,
      ),
    );
    expect(access.path).toBe("users/u1/a.png");
  });
});
