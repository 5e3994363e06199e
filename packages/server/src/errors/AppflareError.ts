/** JSON body of an error response. */
export type ErrorBody = { message: string; code?: string } & Record<string, unknown>;

/**
 * Base of every error the runtime turns into an HTTP response. `status` and `body` are exactly what the
 * client receives (docs/handlers.md); anything that is not an `AppflareError` becomes a 500
 * `{ code: "internal" }` with no detail.
 */
export class AppflareError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = new.target.name;
    this.status = status;
    this.body = body;
  }
}

/** `ctx.error(status, message, details)`: the response is `status` with `{ message, details }`. */
export class HandlerError extends AppflareError {
  constructor(status: number, message: string, details?: unknown) {
    super(status, details === undefined ? { message } : { message, details });
  }
}

/** 400: handler args failed their Zod schema. */
export class InvalidArgsError extends AppflareError {
  constructor(message: string, issues: unknown[]) {
    super(400, { code: "invalid_args", message, issues });
  }
}

/** 400: a bad `where`, `orderBy`, column or write input given to `ctx.db`. Names the field. */
export class InvalidQueryError extends AppflareError {
  constructor(message: string) {
    super(400, { code: "invalid_query", message });
  }
}

/** 404: unknown route. */
export class NotFoundError extends AppflareError {
  constructor(message = "Not found") {
    super(404, { code: "not_found", message });
  }
}

/** 401: `authRequired` without a session. */
export class UnauthorizedError extends AppflareError {
  constructor(message = "Sign in to call this route") {
    super(401, { code: "unauthorized", message });
  }
}

/** 403: the signed-in user is banned. */
export class BannedError extends AppflareError {
  constructor(message = "This account is banned") {
    super(403, { code: "banned", message });
  }
}

/** 413: request body over `limits.bodyBytes` (or an upload over `limits.uploadBytes`). */
export class PayloadTooLargeError extends AppflareError {
  /** @param configKey the setting that sets `limit` (e.g. `limits.uploadBytes`), named so the fix is clear. */
  constructor(limit: number, configKey?: string) {
    const setting = configKey ? ` (${configKey} in the app config)` : "";
    super(413, {
      code: "payload_too_large",
      message: `Request body is larger than ${limit} bytes${setting}`,
    });
  }
}
