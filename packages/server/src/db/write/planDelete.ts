import type { TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { sql } from "../sql";
import type { WritePlan } from "../WritePlan";
import { EventLog } from "./EventLog";
import { emitCascadeImages } from "./emitCascadeImages";
import { fileResults } from "./finishStatements";
import { parseExpectRows } from "./parseExpectRows";
import { addGuard } from "./planUpdate";
import { StatementList } from "./StatementList";
import { aliased, compileTarget, type TargetArgs } from "./targetRows";

/** Arguments of `delete` as the runtime sees them (the typed form is `DeleteArgs`). */
export interface DeleteInput extends TargetArgs {
  readonly expectRows?: unknown;
}

/**
 * Compiles `delete({ where, limit?, allowAll?, expectRows? })` into one batch:
 * `[expectRows guard] → before-images of rows its foreign keys cascade to → DELETE … RETURNING`.
 * The RETURNING rows are the rows as they were, so they are both the result and the event's
 * before-image (a table whose FK cascades into itself reads the matched rows before the DELETE
 * instead); cascaded deletes and `set null` updates are events too (see `emitCascadeImages`).
 */
export function planDelete(table: TableModel, args: DeleteInput): WritePlan {
  if (!isPlainObject(args)) {
    throw new InvalidQueryError(`delete on "${table.name}" takes { where }, got ${describeValue(args)}`);
  }
  const target = compileTarget(table, args, "delete");
  const expected = parseExpectRows(args.expectRows, table, "delete");
  const list = new StatementList();
  const guards = addGuard(list, table, target, expected);
  const { seedImage } = emitCascadeImages(list, table, target);
  const deleteIndex = list.add(
    sql`DELETE FROM ${aliased(table, target)} WHERE ${target.condition} RETURNING *`,
    seedImage === undefined ? { role: "before", table, group: "target" } : { role: "check" },
  );
  const index = seedImage ?? deleteIndex;
  return {
    table: table.name,
    statements: list.statements,
    guards,
    finish(results) {
      const events = new EventLog(args);
      const decoded = fileResults(list, results, events, (group) =>
        group.startsWith("setnull:") ? "update" : "delete",
      );
      // The table written first, then what its foreign keys cascaded to.
      const list_ = events.list();
      const own = list_.filter((e) => e.table === table.name && e.kind === "delete");
      return { rows: decoded[index]!, events: [...own, ...list_.filter((e) => !own.includes(e))] };
    },
  };
}
