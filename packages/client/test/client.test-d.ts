import { describe, expectTypeOf, it } from "vitest";
import {
  type AppflareError,
  type AppflareResult,
  createAppflareClass,
  createClient,
  type InferRouteInput,
  type InferRouteOutput,
} from "../src/index";
import type { FixtureApi } from "./fixtureApi";

const client = createClient<FixtureApi>({ endpoint: "http://x" });
type Task = { id: number; title: string; done: boolean };

describe("typed proxy: queries", () => {
  it("run takes the Zod input of the args and returns the JSON result", () => {
    expectTypeOf(client.queries.tasks.list.run).parameter(0).toEqualTypeOf<{ prefix: string }>();
    expectTypeOf(client.queries.tasks.list.run({ prefix: "a" })).resolves.toEqualTypeOf<
      AppflareResult<Task[]>
    >();
    // Defaulted args are optional in the input.
    expectTypeOf(client.queries.tasks.page.run)
      .parameter(0)
      .toEqualTypeOf<{ prefix: string; after?: number; limit?: number }>();
    // @ts-expect-error prefix must be a string
    client.queries.tasks.list.run({ prefix: 1 });
    // @ts-expect-error prefix is required
    client.queries.tasks.list.run({});
    // @ts-expect-error unknown arg
    client.queries.tasks.list.run({ prefix: "a", nope: true });
    // @ts-expect-error args are required when one is
    client.queries.tasks.list.run();
    // A route without args runs without any.
    client.queries.account.me.run();
  });

  it("using the result wrongly fails to compile", async () => {
    const { data, error } = await client.queries.tasks.list.run({ prefix: "a" });
    if (error) {
      expectTypeOf(error).toEqualTypeOf<AppflareError>();
      expectTypeOf(error.status).toBeNumber();
      return;
    }
    expectTypeOf(data).toEqualTypeOf<Task[]>();
    // @ts-expect-error title is a string
    const n: number = data[0]?.title ?? 0;
    // @ts-expect-error no such field
    data[0]?.missing;
    void n;
  });

  it("queryKey and subscribe are typed by the route", () => {
    expectTypeOf(client.queries.tasks.list.queryKey({ prefix: "a" })).toEqualTypeOf<
      | readonly ["appflare", "query", "tasks/list"]
      | readonly ["appflare", "query", "tasks/list", { prefix: string }]
    >();
    client.queries.tasks.list.subscribe({
      args: { prefix: "a" },
      onChange: (rows) => expectTypeOf(rows).toEqualTypeOf<Task[]>(),
    });
    // @ts-expect-error wrong args
    client.queries.tasks.list.subscribe({ args: { prefix: 2 }, onChange: () => {} });
    client.queries.tasks.list.subscribe({
      args: { prefix: "a" },
      // @ts-expect-error the data is an array of tasks, not a string
      onChange: (rows: string) => rows,
    });
  });

  it("queries have no mutationKey, mutations no subscribe", () => {
    // @ts-expect-error
    client.queries.tasks.list.mutationKey;
    // @ts-expect-error
    client.mutations.tasks.create.subscribe;
  });
});

describe("typed proxy: mutations", () => {
  it("run takes the input and returns the result", () => {
    expectTypeOf(client.mutations.tasks.create.run({ title: "a" })).resolves.toEqualTypeOf<
      AppflareResult<Task | null>
    >();
    // @ts-expect-error title must be a string
    client.mutations.tasks.create.run({ title: false });
    // @ts-expect-error id is required
    client.mutations.tasks.rename.run({ title: "x" });
    client.mutations.tasks.boom.run();
  });

  it("an unknown route does not exist on the proxy's type", () => {
    // @ts-expect-error
    client.mutations.tasks.nope;
    // @ts-expect-error queries and mutations are separate trees
    client.queries.tasks.create;
  });
});

describe("InferRouteInput / InferRouteOutput", () => {
  it("read client handles and Api routes alike", () => {
    expectTypeOf<InferRouteInput<typeof client.queries.tasks.list>>().toEqualTypeOf<{ prefix: string }>();
    expectTypeOf<InferRouteOutput<typeof client.queries.tasks.list>>().toEqualTypeOf<Task[]>();
    expectTypeOf<InferRouteInput<typeof client.mutations.tasks.rename>>().toEqualTypeOf<{
      id: number;
      title: string;
    }>();
    // `authRequired: true` narrows `ctx.user` to non-null, so the handler's `?? null` never applies.
    expectTypeOf<InferRouteOutput<FixtureApi["queries"]["account"]["me"]>>().toEqualTypeOf<{
      id: string;
      email: string;
    }>();
  });
});

describe("createAppflareClass", () => {
  it("instances are typed clients", () => {
    const Appflare = createAppflareClass<FixtureApi>();
    const appflare = new Appflare({ endpoint: "http://x" });
    expectTypeOf(appflare.queries.tasks.list.run).parameter(0).toEqualTypeOf<{ prefix: string }>();
    // @ts-expect-error endpoint is required
    new Appflare({});
  });
});

describe("auth", () => {
  it("is Better Auth's client with the admin plugin", () => {
    const Appflare = createAppflareClass<FixtureApi>();
    const appflare = new Appflare({ endpoint: "http://x" });
    expectTypeOf(appflare.auth.signIn.email).toBeFunction();
    expectTypeOf(appflare.auth.admin.banUser).parameter(0).toHaveProperty("userId");
    // @ts-expect-error no such plugin is installed
    appflare.auth.organization;
  });
});
