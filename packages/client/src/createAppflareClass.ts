import type { AppflareClientOptions } from "./ClientOptions";
import { type AppflareClient, createClient } from "./createClient";
import type { AnyApi } from "./RouteTypes";

/** A class whose instances are {@link AppflareClient}s of one `Api`. */
export type AppflareClass<Api extends AnyApi> = new (options: AppflareClientOptions) => AppflareClient<Api>;

/**
 * The `Appflare` class for an app's `Api` — what the generated `<outDir>/client.ts` exports.
 *
 * @example
 * import type { Api } from "./api";
 * export const Appflare = createAppflareClass<Api>();
 * const appflare = new Appflare({ endpoint: "https://my-app.workers.dev" });
 */
export function createAppflareClass<Api extends AnyApi>(): AppflareClass<Api> {
  return class Appflare {
    constructor(options: AppflareClientOptions) {
      // A constructor may return the object it builds: instances are plain clients (proxies inside).
      // biome-ignore lint/correctness/noConstructorReturn: see above
      return createClient<Api>(options);
    }
  } as unknown as AppflareClass<Api>;
}
