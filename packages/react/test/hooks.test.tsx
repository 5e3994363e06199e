import { createClient } from "@appflare/client";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { scriptedServer } from "../../client/test/support/scriptedServer";
import {
  AppflareProvider,
  createAppflareQueryClient,
  useAppflareCache,
  useInfiniteQuery,
  useMutation,
  useQuery,
} from "../src/index";
import type { FixtureApi, Task } from "./fixtureApi";

const endpoint = inject("endpoint");
const run = Date.now();
let n = 0;
/** A title prefix of its own for each test: they share one database. */
const freshPrefix = () => `hooks-${run}-${++n}-`;

const http = createClient<FixtureApi>({ endpoint });
const seed = async (titles: string[]) => {
  const rows: Task[] = [];
  for (const title of titles) {
    const { data } = await http.mutations.tasks.create.run({ title });
    if (data) rows.push(data);
  }
  return rows;
};

afterEach(() => cleanup());

function mount(ui: ReactNode, client = http, queryClient = createAppflareQueryClient()) {
  render(
    <AppflareProvider client={client} queryClient={queryClient}>
      {ui}
    </AppflareProvider>,
  );
  return queryClient;
}

function TaskList({ prefix, realtime = false }: { prefix: string; realtime?: boolean }) {
  const { data, error, isPending } = useQuery(http.queries.tasks.list, { prefix }, { realtime });
  if (isPending) return <p>loading</p>;
  if (error)
    return (
      <p>
        error {error.status} {error.code}
      </p>
    );
  return <p>titles: {data.map((t) => t.title.slice(prefix.length)).join(",")}</p>;
}

describe("useQuery against wrangler dev", () => {
  it("loading, then data", async () => {
    const prefix = freshPrefix();
    await seed([`${prefix}a`, `${prefix}b`]);
    mount(<TaskList prefix={prefix} />);
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("titles: a,b")).toBeTruthy();
  });

  it("an error is the AppflareError (400 invalid_args), not retried", async () => {
    mount(<TaskList prefix="" />);
    expect(await screen.findByText("error 400 invalid_args")).toBeTruthy();
  });
});

describe("useMutation", () => {
  it("an optimistic update shows at once and is rolled back on a 409", async () => {
    const prefix = freshPrefix();
    await seed([`${prefix}dup`]);
    const seen: string[] = [];
    let create: ((title: string) => void) | undefined;
    // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test's data
    function Screen() {
      const list = useQuery(http.queries.tasks.list, { prefix });
      const mutation = useMutation(http.mutations.tasks.create, {
        optimistic: (args, cache) =>
          cache.update(http.queries.tasks.list, { prefix }, (rows) => [
            ...rows,
            { id: -1, title: args.title, done: false },
          ]),
      });
      create = (title) => mutation.mutate({ title });
      const titles = list.data?.map((t) => t.title.slice(prefix.length)).join(",") ?? "";
      seen.push(titles);
      return (
        <p>
          titles: {titles} {mutation.error ? `failed ${mutation.error.status} ${mutation.error.code}` : ""}
        </p>
      );
    }
    mount(<Screen />);
    await screen.findByText(/titles: dup/);
    act(() => create?.(`${prefix}dup`));
    expect(await screen.findByText("titles: dup failed 409 unique_violation")).toBeTruthy();
    expect(seen).toContain("dup,dup");
    expect((await http.queries.tasks.list.run({ prefix })).data).toHaveLength(1);
  });

  it("updateCache writes the result; invalidates refetches", async () => {
    const prefix = freshPrefix();
    let create: ((title: string) => Promise<unknown>) | undefined;
    const fetched: number[] = [];
    // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test's data
    function Screen() {
      const list = useQuery(http.queries.tasks.list, { prefix });
      if (list.data) fetched.push(list.dataUpdatedAt);
      const cache = useAppflareCache();
      const mutation = useMutation(http.mutations.tasks.create, {
        updateCache: (row) =>
          row && cache.update(http.queries.tasks.list, { prefix }, (rows) => [...rows, row]),
        invalidates: [http.queries.tasks.list],
      });
      create = (title) => mutation.mutateAsync({ title });
      return <p>titles: {list.data?.map((t) => t.title.slice(prefix.length)).join(",")}</p>;
    }
    mount(<Screen />);
    await screen.findByText("titles:");
    await act(async () => {
      await create?.(`${prefix}x`);
    });
    expect(await screen.findByText("titles: x")).toBeTruthy();
    await waitFor(() => expect(new Set(fetched).size).toBeGreaterThanOrEqual(2));
  });
});

/**
 * Realtime through a scripted socket server: the realtime Durable Object is not in this branch yet, so
 * the server's frames are scripted — but the data they carry is fetched from the real worker after a
 * real mutation, as the Durable Object would re-run the query.
 */
async function liveSetup() {
  const server = await scriptedServer();
  const client = createClient<FixtureApi>({
    endpoint,
    wsEndpoint: server.url,
    WebSocket: WebSocket as never,
  });
  return { server, client };
}

const connected = { event: "connected", payload: { connectionId: "c", userId: null } };

describe("realtime into the TanStack cache", () => {
  it("a push lands in the cache; the subscription goes when the query is garbage-collected", async () => {
    const prefix = freshPrefix();
    await seed([`${prefix}a`]);
    const { server, client } = await liveSetup();
    try {
      // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test's data
      function Live() {
        const { data } = useQuery(client.queries.tasks.list, { prefix }, { realtime: true, gcTime: 0 });
        return <p>titles: {data?.map((t) => t.title.slice(prefix.length)).join(",")}</p>;
      }
      const queryClient = mount(<Live />, client);
      await screen.findByText("titles: a");
      await server.until(() => server.received[0]?.length === 1);
      server.send(0, connected);
      await server.until(() => server.received[0]?.length === 2);
      expect(server.received[0]?.[1]).toMatchObject({
        type: "subscribe",
        queryName: "tasks/list",
        args: { prefix },
      });

      await http.mutations.tasks.create.run({ title: `${prefix}b` });
      const fresh = await http.queries.tasks.list.run({ prefix });
      server.send(0, {
        event: "query:update",
        payload: {
          id: "1",
          queryName: "tasks/list",
          signature: "s",
          version: 1,
          hash: "h1",
          data: fresh.data,
        },
      });
      expect(await screen.findByText("titles: a,b")).toBeTruthy();
      expect(queryClient.getQueryData(client.queries.tasks.list.queryKey({ prefix }))).toEqual(fresh.data);

      cleanup();
      await server.until(() => server.received[0]?.some((m) => m.type === "unsubscribe") ?? false);
      expect(client.realtime.size).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("useInfiniteQuery keeps every loaded page live: an edit in page 2 lands in page 2", async () => {
    const prefix = freshPrefix();
    const rows = await seed([1, 2, 3, 4].map((i) => `${prefix}${i}`));
    const { server, client } = await liveSetup();
    try {
      let next: (() => void) | undefined;
      // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test's data
      function Feed() {
        const feed = useInfiniteQuery(
          client.queries.tasks.page,
          { prefix, limit: 2 },
          {
            initialPageParam: 0,
            pageParamToArgs: (after: number, args) => ({ ...args, after }),
            getNextPageParam: (last) =>
              last.hasMore && last.nextCursor !== null ? last.nextCursor : undefined,
            realtime: true,
          },
        );
        next = () => void feed.fetchNextPage();
        const pages =
          feed.data?.pages.map((p) => p.rows.map((t) => t.title.slice(prefix.length)).join(",")) ?? [];
        return <p>pages: {pages.join(" | ")}</p>;
      }
      mount(<Feed />, client);
      await screen.findByText("pages: 1,2");
      await server.until(() => server.received[0]?.length === 1);
      server.send(0, connected);
      await server.until(() => server.received[0]?.length === 2);
      act(() => next?.());
      await screen.findByText("pages: 1,2 | 3,4");
      await server.until(() => server.received[0]?.length === 3);
      const page2 = server.received[0]?.[2];
      expect(page2).toMatchObject({
        type: "subscribe",
        queryName: "tasks/page",
        args: { prefix, limit: 2, after: rows[1]?.id },
      });

      await http.mutations.tasks.rename.run({ id: rows[2]?.id ?? 0, title: `${prefix}3-edited` });
      const fresh = await http.queries.tasks.page.run({ prefix, limit: 2, after: rows[1]?.id ?? 0 });
      server.send(0, {
        event: "query:update",
        payload: {
          id: page2?.type === "subscribe" ? page2.id : "",
          queryName: "tasks/page",
          signature: "s",
          version: 1,
          hash: "h",
          data: fresh.data,
        },
      });
      expect(await screen.findByText("pages: 1,2 | 3-edited,4")).toBeTruthy();
    } finally {
      await server.close();
    }
  });
});
