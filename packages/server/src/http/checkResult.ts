import * as z from "zod";

/**
 * Checks a query's or mutation's result against its declared `returns` schema. A mismatch is the
 * handler's bug, not the caller's: it becomes a 500 (the caller sees the generic internal error)
 * whose logged message names the handler and the paths at fault.
 *
 * @example
 * checkResult("tasks/list", z.array(z.object({ id: z.number() })), rows);
 */
export async function checkResult(name: string, returns: z.core.$ZodType | undefined, data: unknown) {
  if (!returns) return;
  const parsed = await z.safeParseAsync(returns, data);
  if (parsed.success) return;
  const where = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : "(result)"}: ${i.message}`)
    .join("; ");
  throw new ResultMismatchError(`"${name}" returned a value its \`returns\` schema rejects: ${where}`);
}

/** A result that does not match the handler's `returns` schema (answered as 500 `internal`, with this message in the log only). */
export class ResultMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResultMismatchError";
  }
}
