/** What {@link AppflareError} is built from. */
export interface AppflareErrorInit {
  /** HTTP status; `0` when the request never got an answer (network error, aborted). */
  readonly status: number;
  /** The server's `code` (`invalid_args`, `unique_violation`, …), or `network_error`. */
  readonly code?: string;
  readonly message: string;
  /** The parsed response body (JSON, else text), or `null`. */
  readonly body: unknown;
  /** The route that failed: `GET /queries/tasks/list`, `realtime tasks/list`. */
  readonly route: string;
}

/**
 * The `error` of a failed call (docs/client.md): `{ status, code?, message, body, route }`. An `Error`
 * subclass so TanStack Query, error boundaries and loggers treat it like any error, but `run` returns
 * it instead of throwing.
 *
 * @example
 * const { error } = await appflare.mutations.tasks.create.run({ title: "" });
 * if (error?.code === "invalid_args") showIssues(error.body);
 */
export class AppflareError extends Error implements AppflareErrorInit {
  readonly status: number;
  readonly code?: string;
  readonly body: unknown;
  readonly route: string;

  constructor(init: AppflareErrorInit) {
    super(init.message);
    this.name = "AppflareError";
    this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.body = init.body;
    this.route = init.route;
  }
}
