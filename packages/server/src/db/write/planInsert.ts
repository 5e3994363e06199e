import type { TableModel } from "@appflare/schema";
import type { WritePlan } from "../WritePlan";
import { buildInsertGraph } from "./buildInsertGraph";
import { EventLog } from "./EventLog";
import { fileResults } from "./finishStatements";
import { InsertEmitter } from "./InsertEmitter";
import { StatementList } from "./StatementList";

/** Arguments of `insert` as the runtime sees them (the typed form is `InsertArgs`). */
export interface InsertInput {
  readonly values: unknown;
}

/**
 * Compiles `insert({ values })` into one batch: INSERT … RETURNING statements (chunked under D1's 100
 * bound parameters and 100 KB per statement), nested relation rows in dependency order, junction rows,
 * and the FK updates of `many` id lists (with their before-images). Returns the top-level rows in the
 * order given.
 */
export function planInsert(table: TableModel, args: InsertInput): WritePlan {
  const values = typeof args === "object" && args !== null ? args.values : undefined;
  const graph = buildInsertGraph(table.schema, table, values);
  const list = new StatementList();
  const emitter = new InsertEmitter(list);
  emitter.emit(graph.nodes, graph.links);
  return {
    table: table.name,
    statements: list.statements,
    guards: [],
    finish(results) {
      const events = new EventLog(args);
      const decoded = fileResults(list, results, events, () => "update");
      const rows = graph.roots.map((node) => decoded[node.emitted!.statement]![node.emitted!.position]!);
      return { rows, events: events.list() };
    },
  };
}
