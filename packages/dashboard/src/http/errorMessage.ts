import { AppflareError } from "@appflare/server";

/**
 * A refused write or bad view as a message and status for the page that shows it. Only
 * `AppflareError`s (bad input, validation, constraint violations) are shown; anything else is a bug
 * and is rethrown to the app's 500 handler, which hides its details.
 *
 * @example
 * const { status, message } = errorMessage(error);
 */
export function errorMessage(error: unknown): { status: 400 | 403 | 404 | 409 | 413; message: string } {
  if (!(error instanceof AppflareError) || error.status >= 500) throw error;
  const body = error.body;
  const fields = Array.isArray(body.fields) ? ` (${(body.fields as string[]).join(", ")})` : "";
  const code = typeof body.code === "string" ? `${body.code}: ` : "";
  const status = ([400, 403, 404, 409, 413] as const).find((s) => s === error.status) ?? 400;
  return { status, message: `${code}${body.message}${fields}` };
}
