import { InvalidArgsError } from "../errors/AppflareError";
import { type ArgsDef, argsSchema } from "../handlers/args";

/**
 * Parses raw args with the handler's Zod args (async refinements allowed). Failure is a 400
 * `invalid_args` whose message names the first bad field and whose `issues` are Zod's.
 */
export async function validateArgs(args: ArgsDef, raw: unknown): Promise<unknown> {
  const result = await argsSchema(args).safeParseAsync(raw);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new InvalidArgsError(`Invalid args: ${where}${first?.message ?? "invalid input"}${more}`, issues);
}
