import { env } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MutationEvent } from "../../src/db/MutationEvent";
import {
  BannedError,
  InvalidArgsError,
  NotFoundError,
  UnauthorizedError,
} from "../../src/errors/AppflareError";
import type { MutationEventsInfo } from "../../src/http/WorkerHooks";
import { call, countRows, makeWorker, migrate, queryPath, seedUser } from "./support";

const users: Record<string, { id: string; banned?: boolean; banExpires?: Date | null }> = {
  "Bearer alice": { id: "u-ctx-alice" },
  "Bearer expired-ban": { id: "u-ctx-old", banned: true, banExpires: new Date(Date.now() - 60_000) },
};

const published: { events: readonly MutationEvent[]; info: MutationEventsInfo<Cloudflare.Env> }[] = [];
const worker = makeWorker({
  hooks: {
    resolveSession: (request) => {
      const header = request.headers.get("authorization") ?? "";
      if (header === "Bearer revoked") throw new UnauthorizedError("Session revoked");
      const user = users[header];
      return user ? { user, session: { id: `s-${user.id}`, userId: user.id } } : null;
    },
    onMutationEvents: (events, info) => {
      published.push({ events, info });
    },
  },
});
const alice = { authorization: "Bearer alice" };
const project = (slug: string) => ({ name: `P ${slug}`, slug, ownerId: "u-ctx-alice" });

beforeAll(async () => {
  await migrate();
  await seedUser("u-ctx-alice");
});

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  published.length = 0;
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

describe("mutation events", () => {
  it("are handed to onMutationEvents after a mutation committed, with the request id", async () => {
    const res = await call(worker, "POST", "/mutations/projects/create", { json: project("ev-1") });
    expect(res.status).toBe(200);
    expect(published).toHaveLength(1);
    const [{ events, info }] = published as [(typeof published)[number]];
    expect(events).toEqual([
      expect.objectContaining({
        kind: "insert",
        table: "projects",
        after: [expect.objectContaining({ slug: "ev-1", name: "P ev-1" })],
      }),
    ]);
    expect(info).toMatchObject({
      name: "projects/create",
      kind: "mutation",
      requestId: res.headers.get("x-request-id"),
    });
    expect(info.executionCtx).toBeDefined();
  });

  it("are never published for a rejected mutation", async () => {
    await call(worker, "POST", "/mutations/projects/create", { json: project("ev-dup") });
    published.length = 0;
    const before = await countRows("projects");
    expect(
      (await call(worker, "POST", "/mutations/projects/create", { json: project("ev-dup") })).status,
    ).toBe(409);
    expect((await call(worker, "POST", "/mutations/projects/create", { json: { slug: 1 } })).status).toBe(
      400,
    );
    expect(published).toEqual([]);
    expect(await countRows("projects")).toBe(before);
  });

  it("of writes that committed before the handler threw are still published (they are in D1)", async () => {
    const res = await call(worker, "POST", "/mutations/projects/createThenFail", {
      json: project("ev-then-fail"),
    });
    expect(res.status).toBe(422);
    expect(await countRows("projects", "slug = 'ev-then-fail'")).toBe(1);
    expect(published.map((p) => p.events.map((e) => e.table))).toEqual([["projects"]]);
  });

  it("do not affect the response when publishing fails; the failure is logged", async () => {
    const failing = makeWorker({
      hooks: {
        onMutationEvents: () => {
          throw new Error("realtime down");
        },
      },
    });
    const res = await call(failing, "POST", "/mutations/projects/create", { json: project("ev-hook-fails") });
    expect(res.status).toBe(200);
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('"projects/create"'), expect.any(Error));
  });

  it("are not published for queries that only read", async () => {
    await call(worker, "GET", queryPath("tasks/myProjects"), { headers: alice });
    expect(published).toEqual([]);
  });
});

describe("runQuery (the realtime executor)", () => {
  it("returns the data and the read set, with whether ctx.user was read", async () => {
    await call(worker, "POST", "/mutations/projects/create", { json: project("rq-1") });
    const result = await worker.runQuery("tasks/myProjects", {}, { env, user: { id: "u-ctx-alice" } });
    expect((result.data as { slug: string }[]).map((p) => p.slug)).toContain("rq-1");
    expect(result.readSet.usesUser).toBe(true);
    expect(result.readSet.reads).toEqual([expect.objectContaining({ table: "projects" })]);

    const anonymous = await worker.runQuery("blog/feed", {}, { env });
    expect(anonymous).toEqual({ data: ["hello"], readSet: { reads: [], usesUser: false } });
  });

  it("marks the read set unknown when the handler touches ctx.$db", async () => {
    const result = await worker.runQuery("tasks/rawCount", {}, { env });
    expect(result.data).toBe(await countRows("projects"));
    expect(result.readSet.reads).toEqual([{ unknown: true }]);
  });

  it("applies the same checks as HTTP", async () => {
    await expect(worker.runQuery("tasks/nope", {}, { env })).rejects.toBeInstanceOf(NotFoundError);
    await expect(worker.runQuery("tasks/echo", { n: "x" }, { env })).rejects.toBeInstanceOf(InvalidArgsError);
    await expect(worker.runQuery("tasks/secret", {}, { env })).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(
      worker.runQuery("tasks/secret", {}, { env, user: { id: "b", banned: true } }),
    ).rejects.toBeInstanceOf(BannedError);
    expect((await worker.runQuery("tasks/secret", {}, { env, user: { id: "ok" } })).data).toEqual({
      userId: "ok",
    });
  });
});

describe("sessions, middleware and context hooks", () => {
  it("runs middleware after the auth check, and lets it stop the call", async () => {
    const anonymous = await call(worker, "GET", queryPath("tasks/guarded", { allow: false }));
    expect(anonymous.status).toBe(401);
    const blocked = await call(worker, "GET", queryPath("tasks/guarded", { allow: false }), {
      headers: alice,
    });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toEqual({
      message: "Blocked by middleware",
      details: { path: "/queries/tasks/guarded" },
    });
    const allowed = await call(worker, "GET", queryPath("tasks/guarded", { allow: true }), {
      headers: alice,
    });
    expect(allowed.body).toEqual({ stamp: "stamped", user: "u-ctx-alice" });
  });

  it("lets resolveSession reject a request with an AppflareError", async () => {
    const res = await call(worker, "GET", queryPath("blog/feed"), {
      headers: { authorization: "Bearer revoked" },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: "unauthorized", message: "Session revoked" });
  });

  it("does not treat an expired ban as a ban", async () => {
    const res = await call(worker, "GET", queryPath("tasks/whoami"), {
      headers: { authorization: "Bearer expired-ban" },
    });
    expect([res.status, res.body]).toEqual([200, "u-ctx-old"]);
  });

  it("refuses an extendContext hook that replaces a built-in field (500, logged)", async () => {
    const bad = makeWorker({ hooks: { extendContext: () => ({ stamp: "s", db: null }) as never } });
    const res = await call(bad, "GET", queryPath("blog/feed"));
    expect(res.status).toBe(500);
    expect(errorLog.mock.calls[0]?.[1]).toEqual(
      new TypeError('hooks.extendContext returned "db", a built-in ctx field it may not replace'),
    );
  });

  it("treats ctx.error with a non-error status as a bug (500)", async () => {
    expect((await call(worker, "GET", queryPath("tasks/badStatus"))).status).toBe(500);
  });

  it("reports a missing D1 binding as an internal error naming the binding in the log", async () => {
    const res = await call(worker, "GET", queryPath("blog/feed"), {
      env: { ...env, DB: undefined as never },
    });
    expect(res.status).toBe(500);
    expect(String(errorLog.mock.calls[0]?.[1])).toContain('The D1 binding "DB" is missing');
  });
});
