import { PRIVATE_FIELD_FIX, privateFieldProblem, type TableModel } from "@appflare/schema";
import { InvalidQueryError } from "../../errors/AppflareError";

/**
 * Throws the 400 `invalid_query` for a field `ctx.db` hides (a relation reaching `sessions`,
 * `accounts` or `verifications`, a private `users` column); does nothing for any other name, which
 * the caller then reports as unknown. `position` says where the name was written.
 *
 * @example
 * refusePrivateField(users, "sessions", 'with of findMany on "projects"');
 */
export function refusePrivateField(table: TableModel, field: string, position: string): void {
  const problem = privateFieldProblem(table, field);
  if (problem !== undefined) throw new InvalidQueryError(`${problem} (${position}). ${PRIVATE_FIELD_FIX}`);
}
