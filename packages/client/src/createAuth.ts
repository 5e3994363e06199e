import { createAuthClient } from "better-auth/client";
import { type AdminClientOptions, adminClient } from "better-auth/client/plugins";
import type { Transport } from "./createTransport";

/** What the auth client needs from the Appflare client. */
export interface AuthContext {
  readonly transport: Transport;
  readonly basePath: string;
  readonly onGetAuthToken?: () => string | null | undefined | Promise<string | null | undefined>;
  readonly onSetAuthToken?: (token: string | null) => void | Promise<void>;
  /** Called after the token changed (the realtime socket reconnects as the new identity). */
  readonly onTokenChange: () => void;
}

/**
 * Better Auth's client pointed at the Worker, with the admin plugin. The bearer token comes from
 * `onGetAuthToken`; a `set-auth-token` response header (sign-in, sign-up) goes to `onSetAuthToken`, and a
 * sign-out clears it. Outside browsers the transport's `Origin` header rides along, since Better Auth
 * refuses credential POSTs without a trusted one.
 *
 * @example
 * const auth = createAuth({ transport, basePath: "/api/auth", onTokenChange: () => {} });
 * await auth.signIn.email({ email, password });
 */
export function createAuth(context: AuthContext): AppflareAuthClient {
  const { transport } = context;
  // A local first: inferred from the arguments, not from the return annotation (which widens it).
  const client = createAuthClient({
    baseURL: `${transport.endpoint}${context.basePath}`,
    plugins: [adminClient()],
    fetchOptions: {
      customFetchImpl: async (input: string | URL | Request, init?: RequestInit) => {
        // Origin + user headers from the transport; Better Auth's own headers (content-type, auth) win.
        const { authorization: _ignored, ...shared } = await transport.headers();
        const headers = new Headers(init?.headers);
        for (const [key, value] of Object.entries(shared)) if (!headers.has(key)) headers.set(key, value);
        return transport.fetch(input, { ...init, headers });
      },
      auth: {
        type: "Bearer",
        token: async () => (await context.onGetAuthToken?.()) ?? undefined,
      },
      onSuccess: async ({ response, request }: { response: Response; request: { url: string | URL } }) => {
        const token = response.headers.get("set-auth-token");
        if (token) {
          await context.onSetAuthToken?.(token);
          context.onTokenChange();
        } else if (String(request.url).endsWith("/sign-out")) {
          await context.onSetAuthToken?.(null);
          context.onTokenChange();
        }
      },
    },
  });
  return client;
}

/**
 * The Better Auth client of `appflare.auth` (email/password, sessions, `admin.*`). The plugin's options
 * are spelled out: `ReturnType<typeof adminClient>` of the bare generic is `any`, which drops `admin.*`.
 */
export type AppflareAuthClient = ReturnType<
  typeof createAuthClient<{ plugins: [ReturnType<typeof adminClient<AdminClientOptions>>] }>
>;
