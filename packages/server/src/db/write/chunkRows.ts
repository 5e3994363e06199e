import { MAX_BOUND_PARAMS, type Sql } from "../sql";

/** D1 caps a statement's SQL text at 100 KB; stay below with room for the statement around the rows. */
export const MAX_STATEMENT_TEXT = 90_000;
/** Bound values are not part of that cap (rows may be up to 2 MB); keep one statement's well below. */
export const MAX_STATEMENT_PARAM_BYTES = 1_000_000;

/** Size of a fragment as the chunkers count it. */
export interface FragmentSize {
  readonly params: number;
  readonly text: number;
  readonly bytes: number;
}

/** Bound parameters, SQL text length and approximate bound bytes (UTF-8 upper bound) of fragments. */
export function sizeOf(fragments: readonly Sql[]): FragmentSize {
  let params = 0;
  let text = 0;
  let bytes = 0;
  for (const f of fragments) {
    params += f.params.length;
    text += f.text.length + 2;
    for (const p of f.params) {
      if (typeof p === "string") bytes += p.length * 3;
      else if (p instanceof ArrayBuffer) bytes += p.byteLength;
      else bytes += 8;
    }
  }
  return { params, text, bytes };
}

/** `true` when adding `next` to `current` would break a per-statement limit. */
export function overflows(current: FragmentSize, next: FragmentSize, reservedParams = 0): boolean {
  return (
    current.params + next.params + reservedParams > MAX_BOUND_PARAMS ||
    current.text + next.text > MAX_STATEMENT_TEXT ||
    current.bytes + next.bytes > MAX_STATEMENT_PARAM_BYTES
  );
}

export const EMPTY_SIZE: FragmentSize = { params: 0, text: 0, bytes: 0 };

/** Adds two sizes. */
export function addSize(a: FragmentSize, b: FragmentSize): FragmentSize {
  return { params: a.params + b.params, text: a.text + b.text, bytes: a.bytes + b.bytes };
}

/**
 * Splits rows (each a list of fragments) into consecutive chunks that each fit one statement, keeping
 * `reservedParams` free for the rest of the statement. A row too big on its own gets a chunk of its own.
 */
export function chunkRows<T extends readonly Sql[]>(rows: readonly T[], reservedParams = 0): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let size = EMPTY_SIZE;
  for (const row of rows) {
    const rowSize = sizeOf(row);
    if (chunk.length > 0 && overflows(size, rowSize, reservedParams)) {
      chunks.push(chunk);
      chunk = [];
      size = EMPTY_SIZE;
    }
    chunk.push(row);
    size = addSize(size, rowSize);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
