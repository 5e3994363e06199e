import type { BetterAuthPlugin, InternalAdapter } from "better-auth";
import { isBanned } from "./isBanned";

/**
 * Why this exists: Better Auth's `banUser` deletes the user's sessions, so the next call with one of
 * their tokens would look anonymous (401) rather than banned (docs/auth.md, "Bans": 403 `banned`). When a session
 * is deleted while its user is banned, this plugin leaves a "revoked by ban" marker in the
 * `verifications` table (keyed by a SHA-256 of the token, expiring with the session), and
 * {@link findBanRevocation} reads it back for a token that no longer has a session.
 */
export const BAN_GUARD_PLUGIN_ID = "appflare-ban-guard";

const MARKER_PREFIX = "appflare:ban-revoked:";

/** Minimal view of a session row as the adapter hands it to hooks. */
interface SessionRow {
  readonly token?: unknown;
  readonly userId?: unknown;
  readonly expiresAt?: unknown;
}

/**
 * The Better Auth plugin `createAuth` installs: marks the sessions of banned users as revoked by a
 * ban whenever they are deleted (by `banUser`, by Appflare revoking a banned caller, or by any other
 * path), so those tokens answer 403 `banned` afterwards.
 */
export function banGuard(): BetterAuthPlugin {
  return {
    id: BAN_GUARD_PLUGIN_ID,
    init(authContext) {
      return {
        options: {
          databaseHooks: {
            session: {
              delete: {
                async before(session, endpoint) {
                  const adapter = endpoint?.context.internalAdapter ?? authContext.internalAdapter;
                  await markIfBanned(adapter, session as SessionRow);
                },
              },
            },
          },
        },
      };
    },
  };
}

async function markIfBanned(adapter: InternalAdapter, session: SessionRow): Promise<void> {
  if (typeof session.token !== "string" || typeof session.userId !== "string") return;
  const user = await adapter.findUserById(session.userId);
  if (!user || !isBanned(user)) return;
  const expiresAt = session.expiresAt instanceof Date ? session.expiresAt : new Date(Date.now() + 86_400_000);
  if (expiresAt.getTime() <= Date.now()) return;
  await adapter.createVerificationValue({
    identifier: await markerIdentifier(session.token),
    value: session.userId,
    expiresAt,
  });
}

/**
 * The banned user a dead session token belonged to, or `null` when the token was not revoked by a
 * ban, or the ban has since been lifted or expired (then the token is simply dead: anonymous).
 *
 * @example
 * if (!session && token && (await findBanRevocation(context.internalAdapter, token))) throw new BannedError();
 */
export async function findBanRevocation(
  adapter: InternalAdapter,
  token: string,
): Promise<{ readonly id: string } | null> {
  const marker = await adapter.findVerificationValue(await markerIdentifier(token));
  if (!marker || new Date(marker.expiresAt).getTime() <= Date.now()) return null;
  const user = await adapter.findUserById(marker.value);
  return user && isBanned(user) ? user : null;
}

/** Deletes every session of `userId`; the ban guard marks them, as the user is banned. */
export async function revokeUserSessions(adapter: InternalAdapter, userId: string): Promise<void> {
  await adapter.deleteUserSessions(userId);
}

// Hashed so the verifications table never holds a usable session token.
async function markerIdentifier(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return MARKER_PREFIX + hex;
}
