import { resolveAuthSession, type SessionSource } from "./resolveAuthSession";
import type { SessionsRevoked } from "./SessionsRevoked";

/** How one auth route ends sessions, and whose. */
type RevokingRoute =
  | { readonly reason: "sign-out"; readonly subject: "caller-session" }
  | { readonly reason: "revoke"; readonly subject: "caller" }
  | { readonly reason: "ban" | "revoke" | "delete"; readonly subject: "body-user" };

// Paths under the auth base path. Better Auth's own routes; the admin plugin's take `{ userId }`.
const REVOKING_ROUTES: ReadonlyMap<string, RevokingRoute> = new Map<string, RevokingRoute>([
  ["/sign-out", { reason: "sign-out", subject: "caller-session" }],
  ["/revoke-sessions", { reason: "revoke", subject: "caller" }],
  ["/admin/ban-user", { reason: "ban", subject: "body-user" }],
  ["/admin/revoke-user-sessions", { reason: "revoke", subject: "body-user" }],
  ["/admin/remove-user", { reason: "delete", subject: "body-user" }],
]);

/** What {@link handleWithRevocations} needs of a Better Auth instance. */
export interface RevocationSource extends SessionSource {
  handler(request: Request): Promise<Response>;
}

/**
 * Serves one auth request and reports the sessions it ended: for sign-out, the caller's session
 * (resolved before Better Auth deletes it); for the user's own revoke-sessions, all of the caller's;
 * for the admin ban-user / revoke-user-sessions / remove-user, all sessions of the body's `userId`.
 * `onRevoked` runs only when the route answered 2xx, so a refused call (not an admin, no session)
 * reports nothing. Every other route is handed to Better Auth untouched.
 *
 * @example
 * return handleWithRevocations(auth, "/api/auth", request, (change) => ctx.waitUntil(notify(change)));
 */
export async function handleWithRevocations(
  auth: RevocationSource,
  basePath: string,
  request: Request,
  onRevoked: (change: SessionsRevoked) => void,
): Promise<Response> {
  const route = request.method === "POST" ? revokingRoute(request.url, basePath) : undefined;
  if (!route) return auth.handler(request);

  if (route.subject === "body-user") {
    // Read after Better Auth accepted the call; the body was capped by the body limit upstream.
    const copy = request.clone();
    const response = await auth.handler(request);
    if (!response.ok) return response;
    const userId = await bodyUserId(copy);
    if (userId !== undefined) onRevoked({ userId, reason: route.reason });
    return response;
  }

  const caller = await callerOf(auth, request);
  const response = await auth.handler(request);
  if (!response.ok || !caller) return response;
  onRevoked(
    route.subject === "caller-session"
      ? { userId: caller.userId, sessionId: caller.sessionId, reason: route.reason }
      : { userId: caller.userId, reason: route.reason },
  );
  return response;
}

function revokingRoute(url: string, basePath: string): RevokingRoute | undefined {
  const base = basePath.replace(/\/+$/, "");
  const path = new URL(url).pathname;
  if (!path.startsWith(`${base}/`)) return undefined;
  return REVOKING_ROUTES.get(path.slice(base.length).replace(/\/+$/, ""));
}

/**
 * The session a sign-out will end, read before Better Auth deletes it. No cookie refresh is
 * forwarded (the session is ending), and a banned caller's sessions are already gone: `undefined`.
 */
async function callerOf(
  auth: SessionSource,
  request: Request,
): Promise<{ userId: string; sessionId: string } | undefined> {
  try {
    const caller = await resolveAuthSession(auth, request);
    return caller ? { userId: caller.user.id, sessionId: caller.session.id } : undefined;
  } catch {
    return undefined;
  }
}

async function bodyUserId(request: Request): Promise<string | undefined> {
  try {
    const body: unknown = await request.json();
    const userId = (body as { userId?: unknown } | null)?.userId;
    return typeof userId === "string" && userId !== "" ? userId : undefined;
  } catch {
    return undefined;
  }
}
