const MAX_NAME_CHARS = 200;
const FALLBACK_NAME = "download";

/**
 * A safe file name for a download: control characters, path separators and quotes removed,
 * whitespace runs collapsed, trimmed, at most 200 characters; `"download"` if nothing is left.
 * @example sanitizeFileName('../evil\r\n"name".txt') // "..evil name.txt"
 */
export function sanitizeFileName(name: string): string {
  let out = "";
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    // A control character (a newline, a tab) separated words: keep a space, not a glued name.
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += " ";
    else if (ch !== "/" && ch !== "\\" && ch !== '"') out += ch;
  }
  const cleaned = Array.from(out.replace(/\s+/g, " ").trim()).slice(0, MAX_NAME_CHARS).join("").trim();
  return cleaned === "" ? FALLBACK_NAME : cleaned;
}

/**
 * `Content-Disposition: attachment` for a download name: an ASCII `filename="…"` fallback (non-ASCII
 * characters become `_`) and the exact UTF-8 name as `filename*=UTF-8''…` (RFC 6266 / RFC 8187),
 * which every current browser prefers.
 *
 * @example attachmentDisposition("résumé.pdf") // `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`
 */
export function attachmentDisposition(name: string): string {
  const safe = sanitizeFileName(name);
  let ascii = "";
  for (const ch of safe) ascii += (ch.codePointAt(0) ?? 0) < 0x7f ? ch : "_";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(safe)}`;
}

/** Percent-encodes everything outside RFC 8187's attr-char set. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
