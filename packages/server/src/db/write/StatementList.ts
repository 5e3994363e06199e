import type { TableModel } from "@appflare/schema";
import type { TsRow } from "../codec";
import type { Sql } from "../sql";

/** What a statement's result rows are, so `finish` can decode them and file them under an event. */
export type StatementRole =
  | { readonly role: "insert"; readonly table: TableModel }
  | {
      readonly role: "before";
      readonly table: TableModel;
      readonly group: string;
      /** The row after the write, when it follows from the before-image (e.g. an FK set to NULL). */
      readonly after?: (row: TsRow) => TsRow;
    }
  | { readonly role: "after"; readonly table: TableModel; readonly group: string }
  /** Results not reported: guards and checks, or a DELETE whose rows were read before it. */
  | { readonly role: "check" };

/** The statements of one plan, in batch order, each with its role. */
export class StatementList {
  readonly statements: Sql[] = [];
  readonly roles: StatementRole[] = [];

  /** Appends a statement; returns its index. */
  add(statement: Sql, role: StatementRole): number {
    this.statements.push(statement);
    this.roles.push(role);
    return this.statements.length - 1;
  }
}
