import type { DecodeResult } from "./ProtocolError";

/** A field check failure, thrown inside a decoder and turned into a `DecodeResult` by {@link decodeWith}. */
export class FieldError extends Error {}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string of 1..max characters at `where`. */
export function text(value: unknown, where: string, max: number): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    throw new FieldError(`${where}: expected a non-empty string of at most ${max} characters`);
  }
  return value;
}

/** An optional string at `where` (absent → undefined). */
export function optionalText(value: unknown, where: string, max: number): string | undefined {
  return value === undefined ? undefined : text(value, where, max);
}

/** A non-negative safe integer at `where`. */
export function count(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new FieldError(`${where}: expected a non-negative integer`);
  }
  return value;
}

/** An object at `where`. */
export function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw new FieldError(`${where}: expected an object`);
  return value;
}

/**
 * Parses a text frame as JSON and runs `decode` on it; a `FieldError` becomes `invalid_message`,
 * a parse failure `invalid_json`.
 */
export function decodeWith<T>(frame: string, decode: (value: unknown) => T): DecodeResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return { ok: false, error: { code: "invalid_json", message: "The frame is not JSON" } };
  }
  try {
    return { ok: true, message: decode(value) };
  } catch (error) {
    if (error instanceof FieldError)
      return { ok: false, error: { code: "invalid_message", message: error.message } };
    throw error;
  }
}
