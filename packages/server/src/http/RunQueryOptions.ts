import type { SessionRecord, SessionUser } from "../handlers/HandlerContext";

/** Options of `runQuery`: who asks, with which bindings. */
export interface RunQueryOptions<Env> {
  readonly env: Env;
  /** The subscriber, or `null`/absent for an anonymous subscription. */
  readonly user?: SessionUser | null;
  readonly session?: SessionRecord | null;
  /** `ctx.request` for the run; default: a bare `GET` of the query's route. */
  readonly request?: Request;
  /**
   * D1 Sessions API bookmark for read-your-writes under read replication: the run's `ctx.db` reads
   * start from it (`env.DB.withSession(bookmark)`), so a re-run after a write sees that write. The
   * realtime layer passes the one its mutation event carried.
   */
  readonly bookmark?: string;
}
