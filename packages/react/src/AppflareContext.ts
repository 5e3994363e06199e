import type { AnyApi, AppflareClient } from "@appflare/client";
import { createContext, useContext } from "react";
import type { RealtimeBinder } from "./RealtimeBinder";

/** What `AppflareProvider` shares with the hooks. */
export interface AppflareContextValue {
  readonly client: AppflareClient<AnyApi>;
  readonly binder: RealtimeBinder;
}

/** The provider's context; `null` outside an `AppflareProvider`. */
export const AppflareContext = createContext<AppflareContextValue | null>(null);

/**
 * The provider's client and realtime binder; throws a message naming the fix outside a provider.
 *
 * @example
 * const { client } = useAppflareContext();
 */
export function useAppflareContext(): AppflareContextValue {
  const value = useContext(AppflareContext);
  if (!value) {
    throw new Error(
      "Appflare hooks must be used inside <AppflareProvider client={appflare}>: wrap your app (or test) in it.",
    );
  }
  return value;
}
