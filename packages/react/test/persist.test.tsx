import { createClient } from "@appflare/client";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, inject, it } from "vitest";
import {
  AppflareProvider,
  createAppflareQueryClient,
  type PersistStorage,
  useQuery,
  whenRestored,
} from "../src/index";
import type { FixtureApi } from "./fixtureApi";

const endpoint = inject("endpoint");
const appflare = createClient<FixtureApi>({ endpoint });
const prefix = `persist-${Date.now()}-`;

afterEach(() => cleanup());

function memoryStorage(): PersistStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function Titles() {
  const { data } = useQuery(appflare.queries.tasks.list, { prefix });
  return <p>titles: {data?.map((t) => t.title.slice(prefix.length)).join(",") ?? "none"}</p>;
}

describe("createAppflareQueryClient({ persist })", () => {
  it("restores Appflare results under the same buster, drops them under another", async () => {
    await appflare.mutations.tasks.create.run({ title: `${prefix}a` });
    const storage = memoryStorage();
    const first = createAppflareQueryClient({ persist: { storage, buster: "v1" } });
    await whenRestored(first);
    render(
      <AppflareProvider client={appflare} queryClient={first}>
        <Titles />
      </AppflareProvider>,
    );
    await screen.findByText("titles: a");
    await new Promise((r) => setTimeout(r, 50));
    expect(storage.map.get("appflare-query-cache")).toContain(`${prefix}a`);
    cleanup();

    const key = appflare.queries.tasks.list.queryKey({ prefix });
    const same = createAppflareQueryClient({ persist: { storage, buster: "v1" } });
    await whenRestored(same);
    expect(same.getQueryData(key)).toMatchObject([{ title: `${prefix}a` }]);

    const bumped = createAppflareQueryClient({ persist: { storage, buster: "v2" } });
    await whenRestored(bumped);
    expect(bumped.getQueryData(key)).toBeUndefined();
  });

  it("4xx errors are not retried", async () => {
    const client = createAppflareQueryClient();
    await expect(
      client.fetchQuery({
        queryKey: ["appflare", "query", "tasks/list", { prefix: "" }],
        queryFn: async () => {
          const { data, error } = await appflare.queries.tasks.list.run({ prefix: "" });
          if (error) throw error;
          return data;
        },
        retry: client.getDefaultOptions().queries?.retry,
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      client.getQueryCache().find({ queryKey: ["appflare", "query", "tasks/list", { prefix: "" }] })?.state
        .fetchFailureCount,
    ).toBe(1);
  });
});
