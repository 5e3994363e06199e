import type { AuthContext, InternalAdapter } from "better-auth";
import { BannedError } from "../errors/AppflareError";
import type { SessionRecord, SessionUser } from "../handlers/HandlerContext";
import { findBanRevocation, revokeUserSessions } from "./banGuard";
import { isBanned } from "./isBanned";
import { hasSessionCredentials, sessionTokenOf } from "./sessionTokenOf";

/** The caller as the auth layer resolves it (Better Auth's user and session rows). */
export interface AuthCaller<
  User extends SessionUser = SessionUser,
  Session extends SessionRecord = SessionRecord,
> {
  readonly user: User;
  readonly session: Session;
}

/** What {@link resolveAuthSession} needs of a Better Auth instance (every `createAuth` result has it). */
export interface SessionSource {
  readonly api: {
    getSession(input: {
      headers: Headers;
      returnHeaders: true;
    }): Promise<{ readonly headers: Headers; readonly response: unknown }>;
  };
  readonly $context: Promise<{
    readonly internalAdapter: InternalAdapter;
    readonly authCookies: AuthContext["authCookies"];
  }>;
}

/**
 * Who is calling: the Better Auth session of the request's bearer token or session cookie, or `null`
 * (anonymous: no credentials, or a dead token). A banned user (ban without expiry, or not yet
 * expired) gets `BannedError` (403 `banned`) and every one of their sessions is deleted; a token that
 * died that way keeps answering 403 until the ban ends.
 *
 * Requests without a bearer token or session cookie are answered without a D1 read.
 *
 * When Better Auth refreshes a cookie session while reading it (the session is older than
 * `session.updateAge`, so its expiry moves forward), it answers with `Set-Cookie` headers carrying
 * the new expiry; `onSetCookie` receives them so the caller can send them with its own response —
 * otherwise the browser's cookie would expire on the old date while the session lives on.
 *
 * @example
 * const caller = await resolveAuthSession(auth, request); // throws BannedError for banned users
 * if (!caller) return new Response("Sign in", { status: 401 });
 */
export async function resolveAuthSession(
  auth: SessionSource,
  request: Request,
  onSetCookie?: (cookies: readonly string[]) => void,
): Promise<AuthCaller | null> {
  const context = await auth.$context;
  const cookieName = context.authCookies.sessionToken.name;
  if (!hasSessionCredentials(request, cookieName)) return null;
  const { headers, response } = await auth.api.getSession({ headers: request.headers, returnHeaders: true });
  const found = response as AuthCaller | null;
  // workerd has `getSetCookie` (one entry per cookie); the default workers-types do not declare it.
  const cookies = (headers as Headers & { getSetCookie(): string[] }).getSetCookie();
  // Bearer clients have no cookie to refresh: only a request that sent one gets Set-Cookie back.
  if (cookies.length > 0 && onSetCookie && request.headers.has("cookie")) onSetCookie(cookies);
  if (found) {
    if (!isBanned(found.user)) return { user: found.user, session: found.session };
    // Banned outside Better Auth's banUser (e.g. a ctx.db write): end their sessions now.
    await revokeUserSessions(context.internalAdapter, found.user.id);
    throw new BannedError();
  }
  const token = sessionTokenOf(request, cookieName);
  if (token && (await findBanRevocation(context.internalAdapter, token))) throw new BannedError();
  return null;
}
