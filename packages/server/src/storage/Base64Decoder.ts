import { InvalidArgsError } from "../errors/AppflareError";

const ALPHABET = /^[A-Za-z0-9+/=]*$/;
const EMPTY = new Uint8Array(0);

/**
 * Decodes standard base64 (`A–Z a–z 0–9 + /`, optional `=` padding) that arrives in pieces of any
 * length: each {@link push} decodes the whole 4-character groups it completes and keeps the rest for
 * the next one, so memory stays at one piece whatever the total. Padding is only allowed at the very
 * end; anything invalid throws a 400 `invalid_args` naming `base64Body`.
 *
 * @example
 * const decoder = new Base64Decoder();
 * decoder.push("aG"); // Uint8Array []
 * decoder.push("k="); // Uint8Array [104, 105]
 * decoder.end();      // Uint8Array []
 */
export class Base64Decoder {
  private carry = "";
  private padded = false;

  /** Adds the next piece of text; returns the bytes of the groups it completes. */
  push(text: string): Uint8Array {
    if (text.length === 0) return EMPTY;
    if (!ALPHABET.test(text)) invalidBase64();
    // Padding closes the text: nothing may follow the group that held it.
    if (this.padded) invalidBase64();
    const all = this.carry + text;
    const whole = all.length - (all.length % 4);
    this.carry = all.slice(whole);
    const bytes = this.decode(all.slice(0, whole));
    if (this.padded && this.carry.length > 0) invalidBase64();
    return bytes;
  }

  /** Ends the text: decodes an unpadded last group (2 or 3 characters); 1 left over is invalid. */
  end(): Uint8Array {
    const rest = this.carry;
    this.carry = "";
    if (rest.length === 1) invalidBase64();
    return this.decode(rest);
  }

  private decode(groups: string): Uint8Array {
    if (groups.length === 0) return EMPTY;
    const pad = groups.indexOf("=");
    if (pad !== -1) {
      if (pad < groups.length - 2) invalidBase64();
      this.padded = true;
    }
    let binary: string;
    try {
      binary = atob(groups);
    } catch {
      return invalidBase64();
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
}

function invalidBase64(): never {
  const message =
    "base64Body is not valid base64 (standard alphabet A–Z a–z 0–9 + /, optional = padding at the end only)";
  throw new InvalidArgsError(message, [{ code: "invalid_value", path: ["base64Body"], message }]);
}
