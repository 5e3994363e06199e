import type { Db } from "../../packages/server/src/db/types/TableClient";
import type schema from "../../packages/server/test/boardSchema";

/**
 * One row of the d1-round-trips table: an operation on the example app's `ctx.db` and the number of
 * D1 calls (`all` + `batch`) it must make.
 */
export interface RoundTripCase {
  readonly name: string;
  readonly target: number;
  run(db: Db<typeof schema>): Promise<unknown>;
}
