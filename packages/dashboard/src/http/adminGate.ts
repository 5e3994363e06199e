import { AppflareError, type ResolvedSession } from "@appflare/server";
import type { DashboardRuntime } from "./DashboardRuntime";

/** Outcome of the admin check for one request. */
export type GateResult =
  | { readonly ok: true; readonly admin: ResolvedSession }
  | { readonly ok: false; readonly response: Response };

/** Whether `role` (Better Auth may store several, comma-separated) includes `wanted`. */
export function holdsRole(role: string | null | undefined, wanted: string): boolean {
  return (role ?? "").split(",").some((r) => r.trim() === wanted);
}

/**
 * Lets only a signed-in user holding the dashboard role through. Anonymous `GET`s are redirected to
 * the sign-in page (other methods get 401), other users get 403, banned users 403 (the auth layer's
 * `BannedError`).
 *
 * @example
 * const gate = await adminGate(runtime, c.req.raw, c.env);
 * if (!gate.ok) return gate.response;
 */
export async function adminGate<Env extends object>(
  runtime: DashboardRuntime<Env>,
  request: Request,
  env: Env,
): Promise<GateResult> {
  let caller: ResolvedSession | null;
  try {
    caller = await runtime.host.resolveSession(request, env);
  } catch (error) {
    if (error instanceof AppflareError && error.status < 500) {
      return { ok: false, response: Response.json(error.body, { status: error.status }) };
    }
    throw error;
  }
  if (!caller) {
    if (request.method === "GET" || request.method === "HEAD") {
      const url = new URL(request.url);
      const next = encodeURIComponent(url.pathname + url.search);
      return { ok: false, response: redirect(`${runtime.base}/sign-in?next=${next}`) };
    }
    return {
      ok: false,
      response: Response.json(
        { code: "unauthorized", message: `Sign in at ${runtime.base}/sign-in to use the dashboard` },
        { status: 401 },
      ),
    };
  }
  if (!holdsRole(caller.user.role, runtime.role)) {
    return {
      ok: false,
      response: Response.json(
        { code: "forbidden", message: `The dashboard requires the "${runtime.role}" role` },
        { status: 403 },
      ),
    };
  }
  return { ok: true, admin: caller };
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}
