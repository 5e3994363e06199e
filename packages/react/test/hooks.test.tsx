import type { AppflareError } from "@appflare/client";
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { Component, type ReactNode, Suspense } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAppflareCache, useMutation, useQuery, useSuspenseQuery } from "../src/index";
import { http, freshPrefix as labelledPrefix, mount, seed } from "./support/fixture";

const freshPrefix = () => labelledPrefix("hooks");

afterEach(() => cleanup());

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

/** Shows the caught `AppflareError` (a Suspense query throws it to the nearest boundary). */
class Boundary extends Component<{ children: ReactNode }, { error: AppflareError | null }> {
  override state: { error: AppflareError | null } = { error: null };
  static getDerivedStateFromError(error: AppflareError) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    return error ? <p>boundary {`${error.status} ${error.code}`}</p> : this.props.children;
  }
}

function SuspendedList({ prefix }: { prefix: string }) {
  // `data` is never undefined here: the type says so, and the render proves it.
  const { data } = useSuspenseQuery(http.queries.tasks.list, { prefix });
  return <p>suspense: {data.map((t) => t.title.slice(prefix.length)).join(",")}</p>;
}

describe("useSuspenseQuery", () => {
  it("suspends until the first result, then renders the data", async () => {
    const prefix = freshPrefix();
    await seed([`${prefix}a`, `${prefix}b`]);
    mount(
      <Suspense fallback={<p>suspended</p>}>
        <SuspendedList prefix={prefix} />
      </Suspense>,
    );
    expect(screen.getByText("suspended")).toBeTruthy();
    expect(await screen.findByText("suspense: a,b")).toBeTruthy();
  });

  it("an error (400 invalid_args) goes to the error boundary as the AppflareError", async () => {
    // React reports the caught error on the console; it is the expected path here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      mount(
        <Boundary>
          <Suspense fallback={<p>suspended</p>}>
            <SuspendedList prefix="" />
          </Suspense>
        </Boundary>,
      );
      expect(await screen.findByText("boundary 400 invalid_args")).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});
