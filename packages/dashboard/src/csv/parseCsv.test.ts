import { describe, expect, it } from "vitest";
import { csvLine } from "./csvLine";
import { parseCsv } from "./parseCsv";

describe("csvLine and parseCsv", () => {
  it("round-trip cells holding commas, quotes, line breaks, edge spaces and empties", () => {
    const records = [
      ["id", "title", "meta"],
      ["1", 'say "hi", then\r\nleave', '{"tags":["a,b"],"x":"\\"q\\""}'],
      ["2", "", " padded "],
      ["3", "plain", "é ✓"],
    ];
    const text = records.map(csvLine).join("");
    expect(text.startsWith("id,title,meta\r\n")).toBe(true);
    expect(text).toContain('"say ""hi"", then\r\nleave"');
    expect(parseCsv(text)).toEqual(records);
  });

  it("reads LF line ends, a BOM, blank lines and a missing final newline", () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\n"",x')).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["", "x"],
    ]);
  });

  it('keeps a lone "" as a record with one empty cell, not a blank line', () => {
    expect(parseCsv('a\n""\nb\n')).toEqual([["a"], [""], ["b"]]);
  });

  it("names the line of a quote left open", () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(
      /CSV line 2: a quoted cell is never closed/,
    );
  });

  it("refuses text after a closing quote", () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/CSV line 2: text after a closing quote/);
  });
});
