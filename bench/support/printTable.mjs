/**
 * Prints a plain-text table: a header of the column titles, a rule, then one line per row, cells
 * joined by " | ". Each column but the last is padded to its `width` (titles always at the end; cells at
 * the start when `align` is "right"); the last column is not padded, its `width` only sizes its rule.
 */
export function printTable(columns, rows) {
  const last = columns.length - 1;
  const pad = (text, i, align) =>
    i === last ? text : align === "right" ? text.padStart(columns[i].width) : text.padEnd(columns[i].width);
  console.log(columns.map((c, i) => pad(c.title, i, "left")).join(" | "));
  console.log(columns.map((c, i) => "-".repeat(c.width + (i === 0 || i === last ? 1 : 2))).join("|"));
  for (const row of rows)
    console.log(row.map((cell, i) => pad(String(cell), i, columns[i].align)).join(" | "));
}
