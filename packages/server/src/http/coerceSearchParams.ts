import * as z from "zod";

type Def = {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  values?: readonly unknown[];
  shape?: Record<string, z.core.$ZodType>;
};

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

// Wrappers that do not change what a URL value should be turned into.
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/**
 * Builds query args from plain `?k=v` params, converting each value by its field's Zod type: numbers,
 * booleans (`true`/`false`/`1`/`0`), dates, bigints, `null` for nullable non-string fields, arrays
 * from repeated keys (`?tag=a&tag=b`; one value still makes a one-element array), objects and other
 * structured values from JSON. A value that does not convert is passed as the string it was, so Zod
 * reports it. Keys outside the shape are kept as strings (Zod strips or rejects them). The result has
 * no prototype, so a `__proto__` param is a plain key.
 */
export function coerceSearchParams(
  params: URLSearchParams,
  shape: Readonly<Record<string, z.core.$ZodType>>,
) {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!schema) {
      out[key] = values.length === 1 ? values[0] : values;
      continue;
    }
    const base = unwrap(schema);
    if (defOf(base).type === "array" || defOf(base).type === "set") {
      const element = defOf(base).element ?? defOf(base).innerType;
      out[key] = values.map((v) => (element ? coerceValue(element, v) : v));
    } else {
      out[key] =
        values.length === 1
          ? coerceValue(schema, values[0] ?? "")
          : values.map((v) => coerceValue(schema, v));
    }
  }
  return out;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === "pipe" ? def.in : undefined;
    if (!next) return current;
    current = next;
  }
}

/** True when the wrappers around `schema` accept `null`. */
function acceptsNull(schema: z.core.$ZodType): boolean {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === "nullable") return true;
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === "pipe" ? def.in : undefined;
    if (!next) return false;
    current = next;
  }
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function coerceValue(schema: z.core.$ZodType, raw: string): unknown {
  const base = unwrap(schema);
  const def = defOf(base);
  if (raw === "null" && acceptsNull(schema) && def.type !== "string") return null;
  switch (def.type) {
    case "number":
    case "int":
      return NUMBER.test(raw.trim()) ? Number(raw) : raw;
    case "bigint":
      return /^[-+]?\d+$/.test(raw.trim()) ? BigInt(raw.trim()) : raw;
    case "boolean":
      return raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : raw;
    case "date": {
      const date = NUMBER.test(raw.trim()) ? new Date(Number(raw)) : new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    case "null":
      return raw === "null" ? null : raw;
    case "literal":
    case "enum":
      return coerceToOneOf(def.values ?? [], raw);
    case "union": {
      for (const option of def.options ?? []) {
        const value = coerceValue(option, raw);
        if (fits(option, value)) return value;
      }
      return raw;
    }
    case "object":
    case "record":
    case "tuple":
    case "array":
    case "map":
    case "any":
    case "unknown":
      return parseJsonOr(raw);
    default:
      return raw;
  }
}

/** `?status=1` for `z.literal(1)` → 1: picks the literal whose string form is the raw value. */
function coerceToOneOf(values: readonly unknown[], raw: string): unknown {
  for (const value of values) if (String(value) === raw) return value;
  return raw;
}

function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Whether `value` passes `schema` (an async refinement counts as "cannot tell": no). */
function fits(schema: z.core.$ZodType, value: unknown): boolean {
  try {
    return z.core.safeParse(schema, value).success;
  } catch {
    return false;
  }
}
