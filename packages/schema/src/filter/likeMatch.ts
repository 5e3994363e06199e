import type { LikeOperator } from "./operators";

/**
 * Lower-cases A–Z only, like SQLite's built-in `lower()` and `LIKE` (no ICU on D1): `É`, `ß`, `İ`
 * keep their case. Used for `mode: "insensitive"`.
 *
 * @example
 * foldAsciiCase("ÉTÉ Abc"); // "ÉtÉ abc" (É is not A–Z, so it keeps its case)
 */
export function foldAsciiCase(value: string): string {
  return /[A-Z]/.test(value) ? value.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : value;
}

/**
 * Plain substring matching for `contains` / `startsWith` / `endsWith`: `%`, `_` and `\` are literal
 * characters, and the empty pattern matches every string. With `insensitive`, both sides are folded
 * with `foldAsciiCase` (callers on a hot path pass an already folded pattern; folding twice is a no-op).
 *
 * @example
 * likeMatch("contains", "100% done", "0%", false); // true
 * likeMatch("startsWith", "Hello", "he", true); // true
 * likeMatch("contains", "ÉCOLE", "é", true); // false: only A–Z fold
 */
export function likeMatch(
  operator: LikeOperator,
  value: string,
  pattern: string,
  insensitive: boolean,
): boolean {
  if (insensitive) {
    value = foldAsciiCase(value);
    pattern = foldAsciiCase(pattern);
  }
  switch (operator) {
    case "contains":
      return value.includes(pattern);
    case "startsWith":
      return value.startsWith(pattern);
    case "endsWith":
      return value.endsWith(pattern);
  }
}
