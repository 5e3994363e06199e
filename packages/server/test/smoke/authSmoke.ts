/**
 * Auth smoke check against a running Worker (`wrangler dev` / `appflare dev`): sign-up → sign-in →
 * bearer session. It catches what workerd tests cannot, e.g. a wrangler config without
 * `nodejs_compat` (Better Auth's scrypt then fails and sign-up answers 500).
 *
 * @example
 * // node --experimental-strip-types -e 'import("./test/smoke/authSmoke.ts").then(m => m.authSmoke("http://127.0.0.1:8787"))'
 * await authSmoke("http://127.0.0.1:8787", { basePath: "/api/auth", sessionQuery: "/queries/account/me" });
 */
export interface AuthSmokeOptions {
  /** `config.auth.basePath`. Default `/api/auth`. */
  readonly basePath?: string;
  /** An `authRequired` query to call with the token (checked for 200); skipped when absent. */
  readonly sessionQuery?: string;
  readonly fetch?: typeof fetch;
}

export interface AuthSmokeResult {
  readonly email: string;
  readonly userId: string;
  readonly token: string;
}

export async function authSmoke(baseUrl: string, options: AuthSmokeOptions = {}): Promise<AuthSmokeResult> {
  const http = options.fetch ?? fetch;
  const base = baseUrl.replace(/\/+$/, "") + (options.basePath ?? "/api/auth");
  const email = `smoke-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = "smoke test password";
  const post = (path: string, body: unknown) =>
    http(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(baseUrl).origin },
      body: JSON.stringify(body),
    });

  const signUp = await post("/sign-up/email", { email, password, name: "Smoke" });
  if (signUp.status !== 200) {
    throw new Error(
      `auth smoke: sign-up answered ${signUp.status}: ${await signUp.text()}` +
        (signUp.status === 500 ? ' (is compatibility_flags ["nodejs_compat"] in wrangler.json?)' : ""),
    );
  }
  const userId = ((await signUp.json()) as { user?: { id?: string } }).user?.id;
  if (!userId) throw new Error("auth smoke: sign-up returned no user id");

  const signIn = await post("/sign-in/email", { email, password });
  const token = signIn.headers.get("set-auth-token");
  if (signIn.status !== 200 || !token) {
    throw new Error(`auth smoke: sign-in answered ${signIn.status} ${token ? "" : "without set-auth-token"}`);
  }

  const session = await http(`${base}/get-session`, { headers: { authorization: `Bearer ${token}` } });
  const sessionUser = ((await session.json()) as { user?: { id?: string } } | null)?.user?.id;
  if (sessionUser !== userId)
    throw new Error(`auth smoke: get-session returned user ${String(sessionUser)}, expected ${userId}`);

  if (options.sessionQuery) {
    const res = await http(baseUrl.replace(/\/+$/, "") + options.sessionQuery, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200)
      throw new Error(`auth smoke: ${options.sessionQuery} answered ${res.status}: ${await res.text()}`);
  }
  return { email, userId, token };
}
