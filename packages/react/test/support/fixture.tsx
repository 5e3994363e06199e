import { createClient } from "@appflare/client";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { inject } from "vitest";
import WebSocket from "ws";
import { AppflareProvider, createAppflareQueryClient } from "../../src/index";
import type { FixtureApi, Task } from "../fixtureApi";

/** Base URL of the client package's fixture app under `wrangler dev` (realtime on). */
export const endpoint = inject("endpoint");

/** An HTTP-only client: the "other client" whose mutations the hooks must see. */
export const http = createClient<FixtureApi>({ endpoint });

/**
 * A client with a socket (Node has no global WebSocket the client would pick up under jsdom's
 * environment, so `ws` is passed).
 *
 * @example
 * const client = liveClient();
 * mount(<Live />, client);
 */
export function liveClient() {
  return createClient<FixtureApi>({ endpoint, WebSocket: WebSocket as never });
}

const run = Date.now();
let n = 0;

/**
 * A title prefix of its own for each test: every test file shares one database.
 *
 * @example
 * const prefix = freshPrefix("hooks");
 */
export const freshPrefix = (label: string) => `${label}-${run}-${++n}-`;

/**
 * Inserts tasks through HTTP, in order; returns the rows.
 *
 * @example
 * const [a, b] = await seed([`${prefix}a`, `${prefix}b`]);
 */
export async function seed(titles: string[]): Promise<Task[]> {
  const rows: Task[] = [];
  for (const title of titles) {
    const { data } = await http.mutations.tasks.create.run({ title });
    if (data) rows.push(data);
  }
  return rows;
}

/**
 * Renders `ui` inside an `AppflareProvider`; returns its QueryClient.
 *
 * @example
 * const queryClient = mount(<TaskList prefix={prefix} />);
 */
export function mount(
  ui: ReactNode,
  client: ReturnType<typeof createClient<FixtureApi>> = http,
  queryClient = createAppflareQueryClient(),
) {
  render(
    <AppflareProvider client={client} queryClient={queryClient}>
      {ui}
    </AppflareProvider>,
  );
  return queryClient;
}

/** The titles of `rows` without their test prefix, comma-joined. */
export const titles = (rows: readonly Task[] | undefined, prefix: string) =>
  rows?.map((t) => t.title.slice(prefix.length)).join(",") ?? "";
