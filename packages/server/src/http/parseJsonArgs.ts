import { InvalidArgsError } from "../errors/AppflareError";

/**
 * Parses JSON args (a mutation body or a query's `args` param). Empty text means `{}`. Malformed JSON
 * is the caller's fault: 400 `invalid_args`, never a 500.
 *
 * `JSON.parse` defines `__proto__` as an own data property (it never calls the setter), so a payload
 * like `{"__proto__": {...}}` cannot reach `Object.prototype`; Zod then drops or rejects the key.
 */
export function parseJsonArgs(text: string, source: "body" | "args"): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    const where = source === "body" ? "The request body" : 'The "args" query parameter';
    const message = `${where} is not valid JSON`;
    throw new InvalidArgsError(message, [{ code: "invalid_json", path: [], message }]);
  }
}
