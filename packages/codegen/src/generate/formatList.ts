/** Line width of generated code: the repository's formatter setting, so output passes `biome format`. */
export const LINE_WIDTH = 110;

/**
 * `prefix + items + suffix` on one line when it fits in {@link LINE_WIDTH}, otherwise one item per line
 * with trailing commas — the layout Biome and Prettier give a braced list.
 *
 * @example
 * formatBracedList("export const { ", ["a", "b"], " } = tables;");
 * // "export const { a, b } = tables;"
 */
export function formatBracedList(prefix: string, items: readonly string[], suffix: string): string {
  const oneLine = `${prefix}${items.join(", ")}${suffix}`;
  if (oneLine.length <= LINE_WIDTH && !oneLine.includes("\n")) return oneLine;
  return `${prefix.trimEnd()}\n${items.map((item) => `  ${item},`).join("\n")}\n${suffix.trimStart()}`;
}
