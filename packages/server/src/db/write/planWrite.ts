import type { TableModel } from "@appflare/schema";
import type { MutationEvent } from "../MutationEvent";
import type { WritePlan } from "../WritePlan";
import { type DeleteInput, planDelete } from "./planDelete";
import { type InsertInput, planInsert } from "./planInsert";
import { planUpdate, type UpdateInput } from "./planUpdate";
import { planUpsert, type UpsertInput } from "./planUpsert";

/** The write APIs of `ctx.db.<table>`. */
export type WriteKind = MutationEvent["kind"];

/**
 * Validates and compiles one write call into its plan (nothing runs). Invalid arguments throw
 * `InvalidQueryError` naming the table and field.
 */
export function planWrite(table: TableModel, kind: WriteKind, args: unknown): WritePlan {
  switch (kind) {
    case "insert":
      return planInsert(table, args as InsertInput);
    case "update":
      return planUpdate(table, args as UpdateInput);
    case "upsert":
      return planUpsert(table, args as UpsertInput);
    case "delete":
      return planDelete(table, args as DeleteInput);
  }
}
