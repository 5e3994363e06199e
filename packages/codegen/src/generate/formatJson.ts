import { LINE_WIDTH } from "./formatList";

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * JSON laid out the way Biome (and Prettier) format a `.json` file — non-empty objects expanded,
 * arrays of scalars on one line when they fit — so a generated `wrangler.json` passes the repo's
 * formatter check unchanged.
 *
 * @example
 * formatJson({ compatibility_flags: ["nodejs_compat"] });
 * // '{\n  "compatibility_flags": ["nodejs_compat"]\n}\n'
 */
export function formatJson(value: unknown): string {
  return `${render(toJson(value), "", 0)}\n`;
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

/** `lead` is what precedes the value on its line (indent + key), `trail` what follows it (a comma). */
function render(value: Json, indent: string, lead: number, trail = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const scalars = value.every((item) => item === null || typeof item !== "object");
    if (scalars) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (lead + inline.length + trail <= LINE_WIDTH) return inline;
    }
    const items = value.map(
      (item, i) => `${inner}${render(item, inner, inner.length, i < value.length - 1 ? 1 : 0)}`,
    );
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, Json>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item], i) => {
    const prefix = `${inner}${JSON.stringify(key)}: `;
    return `${prefix}${render(item, inner, prefix.length, i < entries.length - 1 ? 1 : 0)}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}
