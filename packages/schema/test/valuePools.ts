/** Value pools shared by the row and where arbitraries, so generated wheres actually hit rows. */

/** Strings stored in rows and compared against: case pairs, LIKE metacharacters, UTF-8 ordering traps. */
export const STRING_POOL: readonly string[] = [
  "",
  "a",
  "A",
  "ab",
  "aB",
  "Ab",
  "abc",
  "b",
  "z",
  "Z",
  "%",
  "a%b",
  "_",
  "a_b",
  "axb",
  "\\",
  "a\\b",
  "é",
  "É",
  "école",
  "ÉCOLE",
  "ß",
  "SS",
  "😀",
  "a😀",
  "\uFFFD",
  "\uE000",
  " a",
];
/** Substring patterns: metacharacters that must stay literal, and case variants. */
export const PATTERN_POOL: readonly string[] = [
  "",
  "a",
  "A",
  "b",
  "B",
  "%",
  "_",
  "\\",
  "a_",
  "%b",
  "é",
  "É",
  "😀",
  "\uFFFD",
  "ab",
  "AB",
  "co",
  "CO",
];
export const INT_POOL: readonly number[] = [-2, -1, 0, 1, 2, 3];
export const REAL_POOL: readonly number[] = [-1.5, 0, 0.5, 1, 1.5, 2.25];
/** Epoch ms; includes 0 and negative (pre-1970) values. */
export const DATE_POOL: readonly number[] = [
  -86_400_000, 0, 1_700_000_000_000, 1_700_000_000_001, 1_714_521_600_000,
];
/** Field names used inside untyped (`v.json()`) JSON objects. */
export const ANY_FIELD_POOL: readonly string[] = ["kind", "n", "ok"];
