import { type AppflareError, createClient } from "@appflare/client";
import { describe, expectTypeOf, it } from "vitest";
import { useAppflareCache, useInfiniteQuery, useMutation, useQuery, useSuspenseQuery } from "../src/index";
import type { FixtureApi, Task, TaskPage } from "./fixtureApi";

const appflare = createClient<FixtureApi>({ endpoint: "http://x" });
const { tasks } = appflare.queries;

describe("useQuery / useSuspenseQuery", () => {
  it("type data and error by the route; wrong args fail", () => {
    const q = useQuery(tasks.list, { prefix: "a" });
    expectTypeOf(q.data).toEqualTypeOf<Task[] | undefined>();
    expectTypeOf(q.error).toEqualTypeOf<AppflareError | null>();
    // @ts-expect-error prefix must be a string
    useQuery(tasks.list, { prefix: 1 });
    // @ts-expect-error args are required for this route
    useQuery(tasks.list);
    useQuery(appflare.queries.account.me);
    // @ts-expect-error a mutation is not a query route
    useQuery(appflare.mutations.tasks.create, { title: "x" });
    const s = useSuspenseQuery(tasks.list, { prefix: "a" });
    expectTypeOf(s.data).toEqualTypeOf<Task[]>();
    // @ts-expect-error titles are strings
    const n: number = s.data[0]?.title ?? 0;
    void n;
  });

  it("types realtime callbacks by the route's data", () => {
    useQuery(
      tasks.list,
      { prefix: "a" },
      { realtime: { onChange: (rows) => expectTypeOf(rows).toEqualTypeOf<Task[]>() } },
    );
    // @ts-expect-error the pushed data is Task[]
    useQuery(tasks.list, { prefix: "a" }, { realtime: { onChange: (rows: string) => rows } });
  });
});

describe("useMutation", () => {
  it("types variables, result, optimistic and updateCache", () => {
    const m = useMutation(appflare.mutations.tasks.create, {
      optimistic: (args, cache) => {
        expectTypeOf(args).toEqualTypeOf<{ title: string }>();
        cache.update(tasks.list, { prefix: "a" }, (rows) => [
          ...rows,
          { id: -1, title: args.title, done: false },
        ]);
        // @ts-expect-error the cached data is Task[], not a string
        cache.update(tasks.list, { prefix: "a" }, () => "nope");
      },
      updateCache: (row) => expectTypeOf(row).toEqualTypeOf<Task | null>(),
      invalidates: [tasks.list],
    });
    m.mutate({ title: "x" });
    // @ts-expect-error title must be a string
    m.mutate({ title: 1 });
    expectTypeOf(m.data).toEqualTypeOf<Task | null | undefined>();
    // @ts-expect-error a query cannot be mutated
    useMutation(tasks.list);
  });
});

describe("useInfiniteQuery and useAppflareCache", () => {
  it("type pages, page params and cache access", () => {
    const feed = useInfiniteQuery(
      tasks.page,
      { prefix: "a" },
      {
        initialPageParam: 0,
        pageParamToArgs: (after: number, args) => ({ ...args, after }),
        getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
      },
    );
    expectTypeOf(feed.data?.pages).toEqualTypeOf<TaskPage[] | undefined>();
    useInfiniteQuery(
      tasks.page,
      { prefix: "a" },
      {
        initialPageParam: 0,
        // @ts-expect-error after must be a number
        pageParamToArgs: (after: number, args) => ({ ...args, after: String(after) }),
        getNextPageParam: () => undefined,
      },
    );
    const cache = useAppflareCache();
    expectTypeOf(cache.get(tasks.list, { prefix: "a" })).toEqualTypeOf<Task[] | undefined>();
    // @ts-expect-error wrong data for the route
    cache.set(tasks.list, { prefix: "a" }, [{ id: "1" }]);
  });
});
