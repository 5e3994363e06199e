import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { Suspense } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { useInfiniteQuery, useQuery, useSuspenseQuery } from "../src/index";
import type { Task, TaskPage } from "./fixtureApi";
import { freshPrefix, http, liveClient, mount, seed, titles } from "./support/fixture";

// Against the realtime Durable Object of the fixture worker (wrangler dev): the pushes below come from
// the server re-running the query after another client's mutation, never from a refetch (a live
// query's staleTime is Infinity, and each test counts the pushes it saw).

afterEach(() => cleanup());

/** Waits past TanStack's 1 s default: a push crosses D1, the Durable Object and the socket. */
const slow = { timeout: 15_000 };

describe("useQuery({ realtime }) against the realtime Durable Object", () => {
  it("another client's mutation lands in the cache; the subscription goes when the query is collected", async () => {
    const prefix = freshPrefix("live");
    await seed([`${prefix}a`]);
    const client = liveClient();
    const pushes: Task[][] = [];
    // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test\'s data
    function Live() {
      const { data } = useQuery(
        client.queries.tasks.list,
        { prefix },
        { realtime: { onChange: (rows) => pushes.push(rows) }, gcTime: 0 },
      );
      return <p>titles: {titles(data, prefix)}</p>;
    }
    const queryClient = mount(<Live />, client);
    await screen.findByText("titles: a");
    // The subscription's first result: from here on, a change can only arrive as a push.
    await waitFor(() => expect(pushes).toHaveLength(1), slow);

    await http.mutations.tasks.create.run({ title: `${prefix}b` });
    expect(await screen.findByText("titles: a,b", {}, slow)).toBeTruthy();
    expect(pushes).toHaveLength(2);
    const fresh = await http.queries.tasks.list.run({ prefix });
    expect(queryClient.getQueryData(client.queries.tasks.list.queryKey({ prefix }))).toEqual(fresh.data);

    cleanup();
    await waitFor(() => expect(client.realtime.size).toBe(0), slow);
  });
});

describe("useInfiniteQuery({ realtime }) against the realtime Durable Object", () => {
  it("keeps every loaded page live: an edit in page 2 lands in page 2, page 1 untouched", async () => {
    const prefix = freshPrefix("feed");
    const rows = await seed([1, 2, 3, 4].map((i) => `${prefix}${i}`));
    const client = liveClient();
    const pushes: TaskPage[] = [];
    let next: (() => void) | undefined;
    // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test\'s data
    function Feed() {
      const feed = useInfiniteQuery(
        client.queries.tasks.page,
        { prefix, limit: 2 },
        {
          initialPageParam: 0,
          pageParamToArgs: (after: number, args) => ({ ...args, after }),
          getNextPageParam: (last) =>
            last.hasMore && last.nextCursor !== null ? last.nextCursor : undefined,
          realtime: { onChange: (page) => pushes.push(page) },
        },
      );
      next = () => void feed.fetchNextPage();
      const pages = feed.data?.pages.map((p) => titles(p.rows, prefix)) ?? [];
      return <p>pages: {pages.join(" | ")}</p>;
    }
    mount(<Feed />, client);
    await screen.findByText("pages: 1,2");
    act(() => next?.());
    await screen.findByText("pages: 1,2 | 3,4");
    // One subscription per loaded page, each with its first result.
    await waitFor(() => expect(pushes).toHaveLength(2), slow);
    expect(client.realtime.size).toBe(2);

    await http.mutations.tasks.rename.run({ id: rows[2]?.id ?? 0, title: `${prefix}3-edited` });
    expect(await screen.findByText("pages: 1,2 | 3-edited,4", {}, slow)).toBeTruthy();
    // Only page 2 changed, so only page 2 was pushed.
    expect(pushes).toHaveLength(3);
    expect(pushes[2]?.rows.map((t) => t.id)).toEqual([rows[2]?.id, rows[3]?.id]);
  });
});

describe("useSuspenseQuery({ realtime }) against the realtime Durable Object", () => {
  it("suspends, renders the first result, then follows pushes", async () => {
    const prefix = freshPrefix("suspense");
    await seed([`${prefix}a`]);
    const client = liveClient();
    // biome-ignore lint/correctness/noComponentHookFactories: a test component closing over its test\'s data
    function Live() {
      const { data } = useSuspenseQuery(client.queries.tasks.list, { prefix }, { realtime: true });
      return <p>suspense: {titles(data, prefix)}</p>;
    }
    mount(
      <Suspense fallback={<p>suspended</p>}>
        <Live />
      </Suspense>,
      client,
    );
    expect(screen.getByText("suspended")).toBeTruthy();
    await screen.findByText("suspense: a");
    // Subscribed once the query is in the cache. Whether the server's first result or a later push
    // carries `b`, it comes over the socket: a live query is never refetched (staleTime Infinity).
    await waitFor(() => expect(client.realtime.size).toBe(1), slow);
    await http.mutations.tasks.create.run({ title: `${prefix}b` });
    expect(await screen.findByText("suspense: a,b", {}, slow)).toBeTruthy();
  });
});
