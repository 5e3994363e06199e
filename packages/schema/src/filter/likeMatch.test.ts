import { describe, expect, it } from "vitest";
import { foldAsciiCase, likeMatch } from "./likeMatch";
import type { LikeOperator } from "./operators";

describe("likeMatch", () => {
  const cases: Array<[LikeOperator, string, string, boolean, boolean]> = [
    ["contains", "hello", "ell", false, true],
    ["contains", "hello", "ELL", false, false],
    ["contains", "hello", "ELL", true, true],
    ["contains", "hello", "", false, true],
    ["contains", "", "", false, true],
    ["contains", "", "a", false, false],
    ["contains", "50%", "%", false, true],
    ["contains", "abc", "%", false, false],
    ["contains", "abc", "a_c", false, false],
    ["contains", "a_c", "a_c", false, true],
    ["contains", "a\\b", "\\", false, true],
    ["startsWith", "Hello", "he", true, true],
    ["startsWith", "Hello", "he", false, false],
    ["endsWith", "file.TXT", ".txt", true, true],
    ["endsWith", "file.txt", "%", false, false],
    ["contains", "ÀB", "àb", true, false],
    ["contains", "Straße", "STRASSE", true, false],
    ["contains", "ǅ", "ǆ", true, false],
  ];
  it.each(cases)("%s(%j, %j, insensitive=%s) = %s", (op, value, pattern, insensitive, expected) => {
    expect(likeMatch(op, value, pattern, insensitive)).toBe(expected);
  });

  it("folds A–Z only", () => {
    expect(foldAsciiCase("ABC xyz ÀÉÎ İ Σ")).toBe("abc xyz ÀÉÎ İ Σ");
    expect(foldAsciiCase("no-caps")).toBe("no-caps");
  });
});
