import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSqlite, compareUtf8, jsonToSqlValue, toSqlValue } from "./compareSqlite";

const sign = (n: number) => Math.sign(n);

describe("compareUtf8", () => {
  const cases: Array<[string, string, number]> = [
    ["a", "b", -1],
    ["b", "a", 1],
    ["a", "a", 0],
    ["", "a", -1],
    ["ab", "a", 1],
    ["Z", "a", -1],
    ["z", "é", -1],
    ["\uFFFD", "😀", -1], // JS says the opposite
    ["\uE000", "😀", -1],
    ["😀", "😁", -1],
    ["a😀", "a\uFFFF", 1],
    ["\u007F", "\u0080", -1],
  ];
  it.each(cases)("%j vs %j", (a, b, expected) => {
    expect(sign(compareUtf8(a, b))).toBe(expected);
  });

  it("orders like memcmp of the UTF-8 bytes (what SQLite's BINARY collation does)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 6 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(
          sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("compareSqlite", () => {
  it("orders numbers before text and compares each class by value", () => {
    expect(compareSqlite(2, 10)).toBe(-1);
    expect(compareSqlite(1, 1.0)).toBe(0);
    expect(compareSqlite(99, "1")).toBe(-1);
    expect(compareSqlite("1", 99)).toBe(1);
    expect(compareSqlite("10", "9")).toBe(-1);
  });
});

describe("toSqlValue", () => {
  const cases: Array<[string, unknown, unknown]> = [
    ["true", true, 1],
    ["false", false, 0],
    ["Date", new Date(5), 5],
    ["invalid Date", new Date(Number.NaN), null],
    ["NaN", Number.NaN, null],
    ["-0", -0, 0],
    ["bigint", 7n, 7],
    ["undefined", undefined, null],
    ["null", null, null],
    ["string", "x", "x"],
    ["object → JSON text", { a: [1, true] }, '{"a":[1,true]}'],
    ["array → JSON text", [1, "2"], '[1,"2"]'],
  ];
  it.each(cases)("%s", (_name, value, expected) => {
    expect(toSqlValue(value)).toBe(expected);
  });

  it("inside JSON a Date is its ISO text, as JSON.stringify stored it", () => {
    expect(jsonToSqlValue(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(jsonToSqlValue(new Date(Number.NaN))).toBeNull();
    expect(jsonToSqlValue(true)).toBe(1);
    expect(jsonToSqlValue({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});
