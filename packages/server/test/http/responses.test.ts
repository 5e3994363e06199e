import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, countRows, makeWorker, migrate, queryPath, seedUser } from "./support";

// One test per row of the docs/handlers.md response table.

const banned = { id: "u-banned", banned: true, banExpires: null };
const worker = makeWorker({
  config: { limits: { bodyBytes: 256 } },
  hooks: {
    resolveSession: (request) => {
      const token = request.headers.get("authorization");
      if (token === "Bearer alice")
        return { user: { id: "u-alice" }, session: { id: "s1", userId: "u-alice" } };
      if (token === "Bearer banned") return { user: banned, session: null };
      return null;
    },
  },
});

const project = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `Project ${slug}`,
  slug,
  ownerId: "u-alice",
  ...extra,
});

beforeAll(async () => {
  await migrate();
  await seedUser("u-alice");
});

describe("docs/handlers.md responses", () => {
  let errorLog: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => errorLog.mockRestore());

  it("200: the handler's value as JSON, Dates as ISO strings, undefined as null", async () => {
    const res = await call(worker, "GET", queryPath("tasks/dates"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({
      at: "1970-01-01T00:00:00.000Z",
      list: ["1970-01-02T00:00:00.000Z", null],
      nested: { when: "1970-01-01T00:00:01.000Z" },
    });
    const empty = await call(worker, "GET", queryPath("tasks/nothing"));
    expect([empty.status, empty.text]).toEqual([200, "null"]);
  });

  it("400 invalid_args: args fail Zod, with Zod's issues", async () => {
    const before = await countRows("projects");
    const res = await call(worker, "POST", "/mutations/projects/create", { json: { name: 5, slug: "x" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "invalid_args",
      message: expect.stringMatching(/^Invalid args: name: .+ \(and 1 more\)$/),
      issues: [
        expect.objectContaining({ path: ["name"], code: "invalid_type" }),
        expect.objectContaining({ path: ["ownerId"], code: "invalid_type" }),
      ],
    });
    expect(await countRows("projects")).toBe(before);
  });

  it("404 not_found: unknown route", async () => {
    for (const [method, path] of [
      ["GET", "/queries/tasks/nope"],
      ["POST", "/mutations/nope"],
      ["GET", "/nowhere"],
      ["GET", "/queries/"],
    ] as const) {
      const res = await call(worker, method, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual({ code: "not_found", message: expect.any(String) });
    }
    expect((await call(worker, "GET", "/queries/tasks/nope")).body).toMatchObject({
      message: 'No query named "tasks/nope"',
    });
  });

  it("401 unauthorized: authRequired without a session", async () => {
    const res = await call(worker, "GET", queryPath("tasks/secret"));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: "unauthorized", message: expect.any(String) });
    const ok = await call(worker, "GET", queryPath("tasks/secret"), {
      headers: { authorization: "Bearer alice" },
    });
    expect([ok.status, ok.body]).toEqual([200, { userId: "u-alice" }]);
  });

  it("403 banned: a banned user, on any route", async () => {
    const headers = { authorization: "Bearer banned" };
    for (const name of ["tasks/secret", "tasks/whoami"]) {
      const res = await call(worker, "GET", queryPath(name), { headers });
      expect(res.status, name).toBe(403);
      expect(res.body, name).toEqual({ code: "banned", message: expect.any(String) });
    }
    const before = await countRows("projects");
    const write = await call(worker, "POST", "/mutations/projects/create", {
      headers,
      json: project("banned-write"),
    });
    expect(write.status).toBe(403);
    expect(await countRows("projects")).toBe(before);
  });

  it("ctx.error(s, m, d): status s with { message, details }", async () => {
    const res = await call(worker, "GET", queryPath("tasks/teapot"));
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ message: "I'm a teapot", details: { brewing: true } });
    const bare = await call(worker, "GET", queryPath("tasks/teapot", { withDetails: false }));
    expect(bare.body).toEqual({ message: "I'm a teapot" });
  });

  it("400 invalid_query: a bad where field in ctx.db input, named in the message", async () => {
    const res = await call(worker, "GET", queryPath("tasks/badWhere"));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: "invalid_query", message: expect.stringContaining("titel") });
  });

  it("409 unique_violation: table and fields", async () => {
    expect((await call(worker, "POST", "/mutations/projects/create", { json: project("dup") })).status).toBe(
      200,
    );
    const before = await countRows("projects");
    const res = await call(worker, "POST", "/mutations/projects/create", { json: project("dup") });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "unique_violation", table: "projects", fields: ["slug"] });
    expect(await countRows("projects")).toBe(before);
  });

  it("409 foreign_key_violation: table", async () => {
    const before = await countRows("projects");
    const res = await call(worker, "POST", "/mutations/projects/create", {
      json: project("orphan", { ownerId: "u-missing" }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "foreign_key_violation", table: "projects" });
    expect(await countRows("projects")).toBe(before);
  });

  it("409 expect_rows_failed: expected and actual, nothing written", async () => {
    await call(worker, "POST", "/mutations/projects/create", { json: project("guarded") });
    const res = await call(worker, "POST", "/mutations/projects/rename", {
      json: { slug: "guarded", name: "Renamed", expectRows: 2 },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "expect_rows_failed", expected: 2, actual: 1 });
    expect(await countRows("projects", "slug = 'guarded' AND name = 'Project guarded'")).toBe(1);
  });

  it("400 check_violation: the constraint's name", async () => {
    const before = await countRows("projects");
    const res = await call(worker, "POST", "/mutations/projects/create", {
      json: project("negative", { budget: -5 }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "check_violation", constraint: "projects_budget_non_negative" });
    expect(await countRows("projects")).toBe(before);
  });

  it("400 not_null_violation: table and fields", async () => {
    const before = await countRows("labels");
    const res = await call(worker, "POST", "/mutations/projects/addLabel", { json: { name: null } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "not_null_violation", table: "labels", fields: ["name"] });
    expect(await countRows("labels")).toBe(before);
  });

  it("413 payload_too_large: body over limits.bodyBytes", async () => {
    const before = await countRows("projects");
    const res = await call(worker, "POST", "/mutations/projects/create", {
      json: project("big", { name: "x".repeat(300) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: "payload_too_large" });
    expect(await countRows("projects")).toBe(before);
  });

  it("500 internal: no stack, SQL or D1 message; the real error is logged with the request id", async () => {
    for (const name of ["tasks/crash", "tasks/d1crash"]) {
      errorLog.mockClear();
      const res = await call(worker, "GET", queryPath(name), {
        headers: { "x-request-id": `req-${name.length}` },
      });
      expect(res.status, name).toBe(500);
      expect(res.body, name).toEqual({
        code: "internal",
        message: "Internal error",
        requestId: `req-${name.length}`,
      });
      expect(res.text).not.toMatch(/password|secret_column|SELECT|D1_ERROR|at /);
      expect(errorLog).toHaveBeenCalledTimes(1);
      const [line, logged] = errorLog.mock.calls[0] ?? [];
      expect(line).toContain(`req-${name.length}`);
      expect(line).toContain(`/queries/${name}`);
      expect(logged).toBeInstanceOf(Error);
    }
  });
});
