import type { AnyApi, AppflareClient } from "@appflare/client";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { AppflareContext } from "./AppflareContext";
import { createAppflareQueryClient } from "./createAppflareQueryClient";
import { RealtimeBinder } from "./RealtimeBinder";

/** Props of {@link AppflareProvider}. */
export interface AppflareProviderProps {
  /** `new Appflare({ endpoint })`. */
  // biome-ignore lint/suspicious/noExplicitAny: any app's client; hooks are typed by the route they get
  readonly client: AppflareClient<any>;
  /** Default: `createAppflareQueryClient()`. */
  readonly queryClient?: QueryClient;
  readonly children?: ReactNode;
}

/**
 * Provides the Appflare client and a TanStack QueryClient to the hooks, and keeps realtime queries in
 * that QueryClient's cache subscribed while they are cached.
 *
 * @example
 * <AppflareProvider client={appflare}><App /></AppflareProvider>
 */
export function AppflareProvider({ client, queryClient, children }: AppflareProviderProps): ReactNode {
  const [ownQueryClient] = useState(() => queryClient ?? createAppflareQueryClient());
  const qc = queryClient ?? ownQueryClient;
  const binder = useMemo(() => new RealtimeBinder(qc, client.queries), [qc, client]);
  // Children's queries enter the cache during render, before this effect: start() picks them up.
  useEffect(() => binder.start(), [binder]);
  const value = useMemo(() => ({ client: client as AppflareClient<AnyApi>, binder }), [client, binder]);
  return (
    <QueryClientProvider client={qc}>
      <AppflareContext.Provider value={value}>{children}</AppflareContext.Provider>
    </QueryClientProvider>
  );
}
