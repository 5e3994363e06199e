/**
 * Text as base64 of its UTF-8 bytes, and back: how the import preview carries the CSV to its confirm
 * form byte for byte (a form field would have its line breaks rewritten to CRLF on submit).
 *
 * @example
 * decodeBase64Utf8(encodeBase64Utf8("é,\n")); // "é,\n"
 */
export function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  // String.fromCharCode takes its bytes as arguments: chunked to stay under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The text {@link encodeBase64Utf8} encoded; `null` when `data` is not base64 of UTF-8 text. */
export function decodeBase64Utf8(data: string): string | null {
  try {
    const binary = atob(data);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
