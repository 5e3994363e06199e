import { AppflareError } from "./AppflareError";

/** Which storage key rule a path broke (the `rule` field of a 400 `invalid_path` body). */
export type StoragePathRule =
  | "not_a_string"
  | "given_twice"
  | "empty"
  | "too_long"
  | "control_character"
  | "backslash"
  | "empty_segment"
  | "dot_segment"
  | "trailing_slash"
  | "encoded_separator"
  | "double_encoding"
  | "invalid_encoding"
  | "invalid_unicode";

// Keys of up to 1024 bytes would make a huge error body; the message quotes a prefix of the path.
const QUOTED_CHARS = 120;

/**
 * 400 `invalid_path`: a storage key (or list prefix) broke one of the key rules. The body names the
 * path, the rule and how to fix it, e.g.
 * `{ code: "invalid_path", path: "a/../b", rule: "dot_segment", message: "..." }`.
 */
export class InvalidPathError extends AppflareError {
  readonly rule: StoragePathRule;

  constructor(path: unknown, rule: StoragePathRule, fix: string) {
    const shown = typeof path === "string" ? path : String(path);
    const quoted = shown.length > QUOTED_CHARS ? `${shown.slice(0, QUOTED_CHARS)}…` : shown;
    super(400, {
      code: "invalid_path",
      path: typeof path === "string" ? quoted : null,
      rule,
      message: `Invalid storage path ${JSON.stringify(quoted)}: ${fix}`,
    });
    this.rule = rule;
  }
}
