import { AppflareError } from "@appflare/server";

/**
 * Better Auth's `APIError` (thrown by `auth.api.*` for a refused call: weak password, taken email,
 * not allowed...) as an `AppflareError` with its status and message; anything else is rethrown.
 */
export function authApiError(error: unknown): never {
  const e = error as {
    statusCode?: unknown;
    body?: { message?: unknown; code?: unknown };
    message?: unknown;
  };
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    const message =
      typeof e.body?.message === "string" ? e.body.message : String(e.message ?? "Refused by Better Auth");
    const code = typeof e.body?.code === "string" ? e.body.code.toLowerCase() : "auth_refused";
    throw new AppflareError(e.statusCode, { code, message });
  }
  throw error;
}
