import { LINE_WIDTH } from "./formatList";
import { propertyKey } from "./identifiers";

/**
 * Plain data (what `JSON.stringify` keeps) as a TypeScript literal laid out the way Biome formats it:
 * bare keys where possible, an object or array on one line when it fits in {@link LINE_WIDTH},
 * otherwise one entry per line with trailing commas.
 *
 * @example
 * formatLiteral({ plan: { type: "string", defaultValue: "free" } });
 * // '{ plan: { type: "string", defaultValue: "free" } }'
 * @param lead what precedes the value on its line (`const x = `), counted against the line width
 * @param trail what follows it on its line (`;`)
 */
export function formatLiteral(value: unknown, lead = 0, trail = 0): string {
  return render(JSON.parse(JSON.stringify(value ?? null)) as unknown, "", lead, trail);
}

function render(value: unknown, indent: string, lead: number, trail: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => ["", item])
    : Object.entries(value).map(([key, item]) => [`${propertyKey(key)}: `, item]);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const pad = Array.isArray(value) ? "" : " ";
  const inline = `${open}${pad}${entries.map(([key, item]) => `${key}${render(item, "", 0, 0)}`).join(", ")}${pad}${close}`;
  if (!inline.includes("\n") && lead + inline.length + trail <= LINE_WIDTH) return inline;
  const lines = entries.map(([key, item]) => {
    const prefix = `${inner}${key}`;
    return `${prefix}${render(item, inner, prefix.length, 1)},`;
  });
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}
