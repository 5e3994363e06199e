import type { Hono } from "hono";
import { SignInPage } from "../views/SignInPage";
import { authApi } from "./authApi";
import { callAuthRoute } from "./callAuthRoute";
import { copySetCookies } from "./copySetCookies";
import type { DashboardEnv, DashboardRuntime } from "./DashboardRuntime";
import { safeNext } from "./safeNext";

/**
 * `GET/POST <base>/sign-in` (public) and `POST <base>/sign-out`: email/password through Better Auth;
 * its session cookie is what the gate reads afterwards. CSRF is checked before these run.
 */
export function authRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const frame = (csrf: string) => ({
    base: runtime.base,
    title: "Sign in",
    csrf,
    readOnly: runtime.readOnly,
  });

  app.get("/sign-in", (c) =>
    c.html(<SignInPage frame={frame(c.get("csrf"))} next={safeNext(c.req.query("next"), runtime.base)} />),
  );

  app.post("/sign-in", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email.trim() : "";
    const password = typeof form.password === "string" ? form.password : "";
    const next = safeNext(typeof form.next === "string" ? form.next : undefined, runtime.base);
    const api = authApi(runtime, c.env);
    const fail = (status: 400 | 401 | 404, error: string) =>
      c.html(<SignInPage frame={frame(c.get("csrf"))} next={next} error={error} email={email} />, status);
    if (!api) return fail(404, "Auth is disabled in this app's config (auth.enabled), so nobody can sign in");
    if (!email || !password) return fail(400, "Enter an email and a password");
    const result = await api.signInEmail({
      body: { email, password },
      headers: c.req.raw.headers,
      asResponse: true,
    });
    if (!result.ok) return fail(401, "Wrong email or password");
    const response = c.redirect(next, 303);
    copySetCookies(result.headers, response.headers);
    return response;
  });

  app.post("/sign-out", async (c) => {
    const response = c.redirect(`${runtime.base}/sign-in`, 303);
    try {
      // Through the app's auth route, so plugins hear of the ended session (realtime closes its sockets).
      const result = await callAuthRoute(c, runtime, "/sign-out", {});
      copySetCookies(result.headers, response.headers);
    } catch {
      // Not signed in (or auth disabled): there is nothing to end, go to the sign-in page anyway.
    }
    return response;
  });
}
