/** A `Range: bytes=…` request before the object's size is known. */
export type RangeRequest =
  /** `bytes=-n`: the last `n` bytes. */
  | { readonly kind: "suffix"; readonly length: number }
  /** `bytes=a-b` or `bytes=a-` (`end` inclusive, `undefined` = to the end). */
  | { readonly kind: "from"; readonly offset: number; readonly end: number | undefined };

/** Bytes to send: `length` bytes from `offset`. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * Parses a `Range` header holding one byte range. Returns `null` — serve the whole object with 200,
 * which RFC 9110 allows for any Range a server chooses to ignore — when the header is absent,
 * malformed (`bytes=5-2`, other units) or asks for several ranges.
 *
 * @example
 * parseRangeHeader("bytes=0-99");  // { kind: "from", offset: 0, end: 99 }
 * parseRangeHeader("bytes=-100");  // { kind: "suffix", length: 100 }
 * parseRangeHeader("bytes=0-1,5-6"); // null
 */
export function parseRangeHeader(header: string | null | undefined): RangeRequest | null {
  if (!header) return null;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") return { kind: "suffix", length: Number(last) };
  const offset = Number(first);
  const end = last === "" ? undefined : Number(last);
  if (end !== undefined && end < offset) return null;
  return { kind: "from", offset, end };
}

/**
 * The bytes a range selects in an object of `size` bytes, clamped to the object, or `null` when the
 * range is unsatisfiable (416): it starts at or past the end, or it is the empty suffix `bytes=-0`,
 * or the object is empty.
 *
 * @example
 * resolveRange({ kind: "suffix", length: 100 }, 10); // { offset: 0, length: 10 }
 * resolveRange({ kind: "from", offset: 10, end: undefined }, 10); // null
 */
export function resolveRange(range: RangeRequest, size: number): ByteRange | null {
  if (range.kind === "suffix") {
    if (range.length === 0 || size === 0) return null;
    const offset = Math.max(0, size - range.length);
    return { offset, length: size - offset };
  }
  if (range.offset >= size) return null;
  const last = Math.min(range.end ?? size - 1, size - 1);
  return { offset: range.offset, length: last - range.offset + 1 };
}
