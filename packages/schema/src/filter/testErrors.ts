import type { TableModel } from "../model";
import { tasksTable } from "./testFixtures";
import { validateWhere } from "./validateWhere";
import { WhereError } from "./WhereError";

/** The WhereError `validateWhere(table, where)` throws; fails the test when it throws nothing. */
export function errorOf(where: unknown, table: TableModel = tasksTable): WhereError {
  try {
    validateWhere(table, where);
  } catch (error) {
    if (error instanceof WhereError) return error;
    throw error;
  }
  throw new Error("expected a WhereError");
}
