import type { TableModel } from "@appflare/schema";
import { decodeRow, type TsRow } from "../codec";
import type { SqlRow } from "../D1Executor";
import type { EventLog } from "./EventLog";
import type { StatementList } from "./StatementList";

/**
 * Decodes a plan's results by statement role and files them as events: `insert` statements as insert
 * events, `before`/`after` pairs of a group as one event of `kind` (update, upsert or delete).
 * Returns the decoded rows per statement, for the caller to pick its return value from.
 */
export function fileResults(
  list: StatementList,
  results: readonly SqlRow[][],
  events: EventLog,
  kindOf: (group: string) => "update" | "upsert" | "delete",
): TsRow[][] {
  const decoded: TsRow[][] = [];
  const groups = new Map<string, { table: TableModel; before: TsRow[]; after: TsRow[] }>();
  list.roles.forEach((role, i) => {
    if (role.role === "check") {
      decoded.push([]);
      return;
    }
    const rows = (results[i] ?? []).map((r) => decodeRow(role.table, r));
    decoded.push(rows);
    if (role.role === "insert") {
      events.add("insert", role.table.name, [], rows);
      return;
    }
    let group = groups.get(role.group);
    if (group === undefined) {
      group = { table: role.table, before: [], after: [] };
      groups.set(role.group, group);
    }
    for (const row of rows) {
      if (role.role === "after") {
        group.after.push(row);
      } else {
        group.before.push(row);
        if (role.after) group.after.push(role.after(row));
      }
    }
  });
  for (const [name, group] of groups) events.add(kindOf(name), group.table.name, group.before, group.after);
  return decoded;
}
