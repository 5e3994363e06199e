/**
 * A user's sessions ended through the auth routes: sign-out (`sessionId` set: that session only), or an
 * admin ban / revoke-sessions / user removal (no `sessionId`: every session of the user).
 */
export interface SessionsRevoked {
  readonly userId: string;
  /** The one session that ended; absent when all of the user's sessions ended. */
  readonly sessionId?: string;
  readonly reason: "sign-out" | "ban" | "revoke" | "delete";
}

/** What `onSessionsRevoked` is told besides the change: the request's bindings and execution context. */
export interface SessionsRevokedInfo<Env> {
  readonly env: Env;
  readonly executionCtx: ExecutionContext | undefined;
}
