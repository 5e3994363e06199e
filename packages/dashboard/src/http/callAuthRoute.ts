import { AppflareError, NotFoundError } from "@appflare/server";
import type { DashboardContext, DashboardRuntime } from "./DashboardRuntime";
import { writeCall } from "./writeCall";

/** Request headers that carry the admin's identity and origin into Better Auth. */
const FORWARDED = ["cookie", "authorization", "origin", "user-agent"];

/**
 * POSTs `body` to Better Auth's route `<auth.basePath><path>` through the app itself (not `auth.api`),
 * as the signed-in admin. Going through the app's auth route is what reports sign-outs, bans,
 * revocations and removals to the plugins (`onSessionsRevoked`: realtime closes those users'
 * sockets). A refusal becomes an `AppflareError` with Better Auth's status and message.
 *
 * @example
 * await callAuthRoute(c, runtime, "/admin/ban-user", { userId, banReason: "spam" });
 */
export async function callAuthRoute<Env extends object>(
  c: DashboardContext<Env>,
  runtime: DashboardRuntime<Env>,
  path: string,
  body: Record<string, unknown>,
): Promise<Response> {
  const auth = runtime.host.auth;
  if (!auth?.enabled)
    throw new NotFoundError("Auth is disabled in this app's config (auth.enabled): there are no users");
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED) {
    const value = c.req.header(name);
    if (value) headers.set(name, value);
  }
  const url = new URL(`${auth.basePath.replace(/\/+$/, "")}${path}`, c.req.url);
  const request = new Request(url, { method: "POST", headers, body: JSON.stringify(body) });
  const response = await runtime.host.app.fetch(request, c.env, writeCall(c, runtime).executionCtx);
  if (response.ok) return response;
  const error = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  const status = response.status >= 500 ? 502 : response.status;
  throw new AppflareError(status, {
    code: typeof error.code === "string" ? error.code.toLowerCase() : "auth_refused",
    message:
      typeof error.message === "string" ? error.message : `Better Auth refused ${path} (${response.status})`,
  });
}
