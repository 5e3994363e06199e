import type { SchemaModel } from "@appflare/schema";

/** A signed-in user as the realtime layer keeps it (the server's `SessionUser`, structurally). */
export interface RealtimeUser {
  readonly id: string;
  readonly banned?: boolean | null;
  readonly [field: string]: unknown;
}

/** The caller a query runs as: the user and their session record, or `null` for an anonymous socket. */
export interface RealtimeCaller {
  readonly user: RealtimeUser;
  readonly session: { readonly id: string; readonly [field: string]: unknown } | null;
}

/** One read a query made (the server's `ReadRecord`, structurally). */
export type RealtimeRead =
  | { readonly table: string; readonly where: unknown | null }
  | { readonly unknown: true };

/** What running a query returns: its result and what it read. */
export interface RealtimeRun {
  readonly data: unknown;
  readonly readSet: { readonly reads: readonly RealtimeRead[]; readonly usesUser: boolean };
}

/** A committed `ctx.db` write (the server's `MutationEvent`, structurally). */
export interface RealtimeEvent {
  readonly kind: string;
  readonly table: string;
  readonly before: readonly Readonly<Record<string, unknown>>[];
  readonly after: readonly Readonly<Record<string, unknown>>[];
}

/**
 * What the Durable Object needs from the app, injected so `@appflare/realtime-do` never imports the
 * server: the `realtime()` plugin builds one from `createWorker`'s plugin host.
 */
export interface RealtimeExecutor<Env> {
  /** The app's schema model (with the auth tables): the matcher evaluates reads' `where`s against it. */
  readonly model: SchemaModel;
  /**
   * Runs a query as `caller` with HTTP's checks; throws an error carrying `status` (and `body.code`)
   * for 400/401/403/404, like the server's `AppflareError`.
   */
  runQuery(
    name: string,
    args: unknown,
    options: { readonly env: Env; readonly caller: RealtimeCaller | null; readonly bookmark?: string },
  ): Promise<RealtimeRun>;
  /** Resolves a bearer token to its caller; `null` when it is invalid or expired. */
  resolveToken(token: string, env: Env): Promise<RealtimeCaller | null>;
}
