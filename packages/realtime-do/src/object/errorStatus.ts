/** What a failed run tells a client (`query:error`). */
export interface RunFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Maps what the executor threw to a client-facing failure: the server's `AppflareError`s keep their
 * 4xx status and code (an unknown query is 400 `not_found`, docs/realtime.md); anything else is 500 `internal`
 * with no detail (it is logged).
 *
 * @example
 * runFailure(new UnauthorizedError()); // { status: 401, code: "unauthorized", message: "..." }
 */
export function runFailure(error: unknown): RunFailure {
  const e = error as {
    status?: unknown;
    body?: { code?: unknown };
    code?: unknown;
    message?: unknown;
  } | null;
  const status = typeof e?.status === "number" ? e.status : 500;
  if (status < 400 || status >= 500) {
    console.error("[appflare] realtime query run failed:", error);
    return { status: 500, code: "internal", message: "Internal error" };
  }
  const code =
    typeof e?.body?.code === "string" ? e.body.code : typeof e?.code === "string" ? e.code : "error";
  const message = typeof e?.message === "string" ? e.message : code;
  return { status: status === 404 ? 400 : status, code, message };
}
