import type { SchemaModel } from "@appflare/schema";
import type { D1Executor } from "./D1Executor";
import type { MutationEvent } from "./MutationEvent";
import type { ReadRecord } from "./ReadRecord";

/** Limits for reads (config `database.query`). */
export interface QueryLimits {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/**
 * Everything one request's `ctx.db` needs. Reads append to `reads`; writes append to `events` only after
 * their batch committed.
 */
export interface DbRuntime {
  readonly model: SchemaModel;
  readonly executor: D1Executor;
  readonly limits: QueryLimits;
  readonly reads: ReadRecord[];
  readonly events: MutationEvent[];
}
