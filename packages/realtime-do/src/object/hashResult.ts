/**
 * The digest a client sees as `hash`: SHA-256 of the result's JSON text, base64url, first 128 bits.
 * Equal JSON gives an equal hash, so a resumed subscription can skip re-sending.
 *
 * @example
 * await hashResult('[{"id":1}]'); // "mV5Lq…" (22 characters)
 */
export async function hashResult(json: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(json)));
  let binary = "";
  for (const byte of digest.subarray(0, 16)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
