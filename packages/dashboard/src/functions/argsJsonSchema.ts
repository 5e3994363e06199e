import * as z from "zod";

/**
 * The JSON Schema of a handler's args (a Zod raw shape), input side, as the Functions area shows it.
 * Types JSON cannot describe become `{}`.
 *
 * @example
 * argsJsonSchema({ id: z.string() }); // { type: "object", properties: { id: { type: "string" } }, ... }
 */
export function argsJsonSchema(args: unknown): Record<string, unknown> {
  if (args instanceof z.ZodType) {
    return z.toJSONSchema(args, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  }
  const shape = (args ?? {}) as z.ZodRawShape;
  return z.toJSONSchema(z.object(shape), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
