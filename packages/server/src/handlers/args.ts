import * as z from "zod";

/**
 * What a handler's `args` may be: a Zod raw shape (`{ id: z.string() }`, parsed with `z.object`, so
 * unknown keys are dropped) or a Zod object schema (e.g. `z.strictObject({...})` to reject unknown keys).
 */
export type ArgsDef = z.core.$ZodShape | z.ZodObject;

/** What the caller sends (Zod input type of the args). */
export type ArgsInput<A extends ArgsDef> = A extends z.ZodObject
  ? z.input<A>
  : A extends z.core.$ZodShape
    ? z.input<z.ZodObject<A>>
    : never;

/** What the handler receives (Zod output type: defaults applied, transforms run). */
export type ArgsOutput<A extends ArgsDef> = A extends z.ZodObject
  ? z.output<A>
  : A extends z.core.$ZodShape
    ? z.output<z.ZodObject<A>>
    : never;

const cache = new WeakMap<object, z.ZodObject>();

/** The Zod object schema that validates `args` (built once per definition). */
export function argsSchema(args: ArgsDef): z.ZodObject {
  // Structural check, not instanceof: codegen may load handler modules with another copy of zod.
  if (isZodObject(args)) return args;
  let schema = cache.get(args);
  if (!schema) {
    schema = z.object(args);
    cache.set(args, schema);
  }
  return schema;
}

function isZodObject(value: ArgsDef): value is z.ZodObject {
  const internals = (value as { _zod?: { def?: { type?: unknown } } })._zod;
  return internals?.def?.type === "object";
}
