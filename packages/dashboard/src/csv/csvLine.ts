/** Cells that must be quoted (RFC 4180), plus leading/trailing spaces some readers would trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV record (RFC 4180): cells joined by commas, a cell quoted when it holds a quote, comma, line
 * break or edge space (quotes doubled inside), ended by CRLF.
 *
 * @example
 * csvLine(["a", 'say "hi"', "x,y"]); // 'a,"say ""hi""","x,y"\r\n'
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")}\r\n`;
}
