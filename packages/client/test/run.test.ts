import { describe, expect, inject, it } from "vitest";
import { AppflareError, createClient } from "../src/index";
import type { FixtureApi } from "./fixtureApi";

const endpoint = inject("endpoint");
const prefix = `run-${Date.now()}-`;
const client = createClient<FixtureApi>({ endpoint });

/** Rows of the fixture's tasks whose title starts with this file's prefix. */
const count = async () => {
  const { data } = await client.queries.tasks.list.run({ prefix });
  return data?.length ?? -1;
};

describe("run against wrangler dev of the fixture app", () => {
  it("a query and a mutation succeed with typed data", async () => {
    const created = await client.mutations.tasks.create.run({ title: `${prefix}a` });
    expect(created.error).toBeNull();
    expect(created.data).toMatchObject({ title: `${prefix}a`, done: false });
    const listed = await client.queries.tasks.list.run({ prefix });
    expect(listed.error).toBeNull();
    expect(listed.data?.map((t) => t.title)).toEqual([`${prefix}a`]);
  });

  it("400 invalid_args: error shape, and nothing written", async () => {
    const before = await count();
    // @ts-expect-error title must be a string: the server refuses it too.
    const { data, error } = await client.mutations.tasks.create.run({ title: 42 });
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(AppflareError);
    expect(error).toMatchObject({ status: 400, code: "invalid_args", route: "POST /mutations/tasks/create" });
    expect(error?.message).toMatch(/title/);
    expect((error?.body as { issues?: unknown[] } | undefined)?.issues?.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it("401 unauthorized for an authRequired query without a token", async () => {
    const { error } = await client.queries.account.me.run();
    expect(error).toMatchObject({ status: 401, code: "unauthorized", route: "GET /queries/account/me" });
  });

  it("404 not_found for a route the server does not have", async () => {
    const untyped = createClient<{
      queries: { nope: { kind: "query"; name: "nope"; input: {}; output: null } };
      mutations: {};
    }>({
      endpoint,
    });
    const { error } = await untyped.queries.nope.run();
    expect(error).toMatchObject({ status: 404, code: "not_found", route: "GET /queries/nope" });
  });

  it("409 unique_violation keeps the body's table and fields, and writes nothing", async () => {
    await client.mutations.tasks.create.run({ title: `${prefix}dup` });
    const before = await count();
    const { error } = await client.mutations.tasks.create.run({ title: `${prefix}dup` });
    expect(error).toMatchObject({ status: 409, code: "unique_violation" });
    expect(error?.body).toMatchObject({ table: "tasks" });
    expect(await count()).toBe(before);
  });

  it("409 expect_rows_failed on a guarded update of a missing row", async () => {
    const { error } = await client.mutations.tasks.rename.run({ id: 999_999_999, title: `${prefix}x` });
    expect(error).toMatchObject({ status: 409, code: "expect_rows_failed" });
  });

  it("413 payload_too_large over limits.bodyBytes, and nothing written", async () => {
    const before = await count();
    const { error } = await client.mutations.tasks.create.run({ title: `${prefix}${"x".repeat(10_000)}` });
    expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(await count()).toBe(before);
  });

  it("500 internal without the thrown message", async () => {
    const { error } = await client.mutations.tasks.boom.run();
    expect(error).toMatchObject({ status: 500, code: "internal", message: "Internal error" });
    expect(JSON.stringify(error?.body)).not.toContain("secret");
  });

  it("a network error is an error too (status 0), not a throw", async () => {
    const offline = createClient<FixtureApi>({ endpoint: "http://127.0.0.1:1" });
    const { data, error } = await offline.queries.tasks.list.run({ prefix });
    expect(data).toBeNull();
    expect(error).toMatchObject({ status: 0, code: "network_error", route: "GET /queries/tasks/list" });
  });

  it("queryKey is [appflare, query, name, args?]", () => {
    expect(client.queries.tasks.list.queryKey({ prefix: "p" })).toEqual([
      "appflare",
      "query",
      "tasks/list",
      { prefix: "p" },
    ]);
    expect(client.queries.account.me.queryKey()).toEqual(["appflare", "query", "account/me"]);
    expect(client.queries.tasks.list).toBe(client.queries.tasks.list);
  });
});
