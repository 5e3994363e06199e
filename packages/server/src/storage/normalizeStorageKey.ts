import { InvalidPathError, type StoragePathRule } from "../errors/InvalidPathError";

/** R2's limit on an object key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

// A run of percent-escapes is decoded as one UTF-8 sequence (multi-byte characters span escapes).
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const ESCAPE = /%[0-9A-Fa-f]{2}/;
// Escapes of these bytes are refused outright: a later decode (CDN, client, proxy) would turn them
// into separators or dot segments the rules never saw.
const ENCODED_SEPARATORS = new Map([
  [0x2e, '"." (%2E)'],
  [0x2f, '"/" (%2F)'],
  [0x5c, '"\\" (%5C)'],
]);
const utf8 = new TextEncoder();

/**
 * Validates and normalizes a storage object key. Every storage entry point (HTTP routes and
 * `ctx.storage`) calls this before the storage managers run, so the rules only ever see the returned
 * key. One leading `/` is stripped (`/a/b.png` and `a/b.png` are the same object); anything else
 * suspicious is refused with a 400 `invalid_path` naming the rule: `..`/`.` segments, `//`, `\`,
 * control characters (NUL included), a trailing `/`, percent-encoded `.`/`/`/`\`, double encoding,
 * escapes that are not UTF-8, unpaired surrogates, and keys over 1024 UTF-8 bytes.
 *
 * @example
 * normalizeStorageKey("/avatars/ada lovelace.png"); // "avatars/ada lovelace.png"
 * normalizeStorageKey("avatars/../secrets.txt");    // throws InvalidPathError (rule "dot_segment")
 */
export function normalizeStorageKey(raw: unknown): string {
  return normalize(raw, "key");
}

/**
 * Validates and normalizes a list prefix: the key rules, except that an absent or empty prefix means
 * the whole bucket (`""`) and a trailing `/` is allowed (`avatars/`).
 *
 * @example
 * normalizeStoragePrefix("/avatars/"); // "avatars/"
 * normalizeStoragePrefix(undefined);   // ""
 */
export function normalizeStoragePrefix(raw: unknown): string {
  if (raw === undefined || raw === null || raw === "") return "";
  return normalize(raw, "prefix");
}

function normalize(raw: unknown, kind: "key" | "prefix"): string {
  if (typeof raw !== "string") {
    fail(
      raw,
      "not_a_string",
      `the ${kind === "key" ? "path" : "prefix"} must be a string such as "avatars/u1.png"`,
    );
  }
  checkCharacters(raw, raw);
  if (raw.includes("//"))
    fail(raw, "empty_segment", 'it contains "//" (an empty segment); use single slashes');

  const key = raw.startsWith("/") ? raw.slice(1) : raw;
  if (key === "") {
    if (kind === "prefix") return "";
    fail(raw, "empty", 'give the object key, such as "avatars/u1.png"');
  }
  const bytes = utf8.encode(key).byteLength;
  if (bytes > MAX_KEY_BYTES) {
    fail(raw, "too_long", `it is ${bytes} bytes in UTF-8; R2 keys are at most ${MAX_KEY_BYTES} bytes`);
  }

  const segments = key.split("/");
  if (key.endsWith("/")) {
    if (kind === "key") {
      fail(raw, "trailing_slash", 'it ends with "/", which names a folder, not an object; add a file name');
    }
    segments.pop();
  }
  for (const segment of segments) {
    if (segment === "." || segment === "..") {
      fail(
        raw,
        "dot_segment",
        `it has a "${segment}" segment; "." and ".." are not allowed as path segments (dots inside names, like "a..b.txt", are fine)`,
      );
    }
  }
  checkEscapes(raw, key);
  return key;
}

/** Control characters (C0, DEL, C1), backslashes and unpaired UTF-16 surrogates. */
function checkCharacters(raw: string, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      fail(raw, "control_character", `it contains the control character ${name}; remove it`);
    }
    if (code === 0x5c) fail(raw, "backslash", 'it contains "\\"; use "/" to separate folders');
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      fail(raw, "invalid_unicode", "it contains an unpaired UTF-16 surrogate; keys must be valid Unicode");
    }
  }
}

/**
 * Percent-escapes are kept as literal characters of the key (the HTTP layer already decoded the query
 * string once), but a key that another decode would change in a dangerous way is refused: escapes of
 * `.`, `/`, `\`; escapes that decode to control characters; and escapes that decode to further
 * escapes (double encoding, e.g. `%252e`).
 */
function checkEscapes(raw: string, key: string): void {
  if (!key.includes("%")) return;
  const decoded = key.replace(ESCAPE_RUN, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => Number.parseInt(hex, 16));
    for (const byte of bytes) {
      const what = ENCODED_SEPARATORS.get(byte);
      if (what) {
        fail(
          raw,
          "encoded_separator",
          `it contains a percent-encoded ${what}, which another layer could decode into a path separator or dot segment; send the character itself and percent-encode the whole path once`,
        );
      }
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return fail(raw, "invalid_encoding", `its percent-escapes ${run} are not valid UTF-8`);
    }
  });
  checkCharacters(raw, decoded);
  const nested = ESCAPE.exec(decoded);
  if (nested) {
    fail(
      raw,
      "double_encoding",
      `it still contains the percent-escape "${nested[0]}" after one decode (it was encoded twice); encode the path once`,
    );
  }
}

function fail(raw: unknown, rule: StoragePathRule, fix: string): never {
  throw new InvalidPathError(raw, rule, fix);
}
