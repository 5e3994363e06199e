import type { SessionUser } from "../handlers/HandlerContext";

/**
 * Whether a user is banned now: `banned` is set and `banExpires` (Better Auth admin plugin) is absent
 * or still in the future.
 */
export function isBanned(user: SessionUser, now = Date.now()): boolean {
  if (user.banned !== true) return false;
  if (user.banExpires === null || user.banExpires === undefined) return true;
  const expires =
    user.banExpires instanceof Date ? user.banExpires.getTime() : new Date(user.banExpires).getTime();
  return Number.isNaN(expires) || expires > now;
}
