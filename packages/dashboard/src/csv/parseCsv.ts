import { InvalidBodyError } from "@appflare/server";

/**
 * Reads CSV text (RFC 4180) into records of cells: quoted cells may hold commas, doubled quotes and
 * line breaks; records end with CRLF or LF; a leading UTF-8 BOM and blank lines are skipped. A quote
 * left open or text after a closing quote is a 400 `invalid_body` naming the line.
 *
 * @example
 * parseCsv('id,title\r\n1,"a, b"\r\n'); // [["id", "title"], ["1", "a, b"]]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  // A quoted cell counts even when empty: `""` alone on a line is a record, not a blank line.
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    record.push(cell);
    cell = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = record.length === 0 && cell === "" && !quoted;
    endCell();
    if (!blank) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === "" && !quoted) {
      i = readQuoted(text, i + 1, line, (value, lines) => {
        cell = value;
        line += lines;
      });
      quoted = true;
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\r" && after !== "\n") {
        throw new InvalidBodyError(
          `CSV line ${line}: text after a closing quote (quote the whole cell and double the quotes inside)`,
        );
      }
      continue;
    }
    if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
    } else cell += ch;
    i++;
  }
  if (cell !== "" || quoted || record.length > 0) endRecord();
  return records;
}

/** Reads a quoted cell from `start` (after its opening quote); returns the index after its closing quote. */
function readQuoted(
  text: string,
  start: number,
  line: number,
  done: (value: string, lines: number) => void,
): number {
  let value = "";
  let lines = 0;
  let i = start;
  for (;;) {
    if (i >= text.length) {
      throw new InvalidBodyError(`CSV line ${line}: a quoted cell is never closed (add the closing ")`);
    }
    const ch = text[i];
    if (ch === '"' && text[i + 1] === '"') {
      value += '"';
      i += 2;
    } else if (ch === '"') {
      done(value, lines);
      return i + 1;
    } else {
      if (ch === "\n") lines++;
      value += ch;
      i++;
    }
  }
}
