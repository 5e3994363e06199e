import type { RealtimeCaller } from "../RealtimeExecutor";

const DATE_FIELDS = new Set(["createdAt", "updatedAt", "expiresAt", "banExpires", "emailVerifiedAt"]);

/**
 * A caller read back from storage (JSON) with Better Auth's date fields as `Date` again, so `ctx.user`
 * in a re-run looks as it does over HTTP.
 */
export function reviveCaller(caller: RealtimeCaller): RealtimeCaller {
  return {
    user: revive(caller.user) as RealtimeCaller["user"],
    session: caller.session && (revive(caller.session) as RealtimeCaller["session"]),
  };
}

function revive(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(out)) {
    if (DATE_FIELDS.has(key) && typeof value === "string") {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) out[key] = date;
    }
  }
  return out;
}
