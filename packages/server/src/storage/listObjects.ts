import { InvalidArgsError } from "../errors/AppflareError";
import { normalizeStoragePrefix } from "./normalizeStorageKey";
import { type StorageObjectInfo, toObjectInfo } from "./StorageObjectInfo";

/** R2 returns at most 1000 objects per list call; it is also the default. */
export const MAX_LIST_LIMIT = 1000;
const MAX_DELIMITER_CHARS = 64;

/** Options of `ctx.storage.list` and `GET /storage/list`. */
export interface StorageListOptions {
  /** Only keys starting with this (normalized like a key; a trailing `/` is allowed). Default: all. */
  readonly prefix?: string;
  /** `cursor` of the previous page. */
  readonly cursor?: string;
  /** 1–1000, default 1000. */
  readonly limit?: number;
  /** Groups keys by the next occurrence of this string after the prefix (usually `/`) into `prefixes`. */
  readonly delimiter?: string;
}

/** One page of a listing. */
export interface StorageListResult {
  readonly objects: StorageObjectInfo[];
  /** With a `delimiter`: the "folders" directly under the prefix (`avatars/2024/`). */
  readonly prefixes: string[];
  /** Pass it back to get the next page; `null` on the last page. */
  readonly cursor: string | null;
  readonly truncated: boolean;
}

/** List options after validation; `prefix` is normalized (what the storage managers are asked about). */
export interface ListQuery {
  readonly prefix: string;
  readonly cursor: string | undefined;
  readonly limit: number;
  readonly delimiter: string | undefined;
}

/**
 * Validates list options: the prefix by the key rules (400 `invalid_path`), the rest as 400
 * `invalid_args` naming the option.
 *
 * @example parseListOptions({ prefix: "/avatars/", limit: 50 }) // { prefix: "avatars/", limit: 50, ... }
 */
export function parseListOptions(options: StorageListOptions = {}): ListQuery {
  const prefix = normalizeStoragePrefix(options.prefix);
  const { cursor, limit = MAX_LIST_LIMIT, delimiter } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    invalidListOption("limit", `limit must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${String(limit)}`);
  }
  if (cursor !== undefined && (typeof cursor !== "string" || cursor === "")) {
    invalidListOption("cursor", "cursor must be the non-empty string a previous page returned");
  }
  if (delimiter !== undefined) {
    const bad =
      typeof delimiter !== "string" ||
      delimiter === "" ||
      delimiter.length > MAX_DELIMITER_CHARS ||
      [...delimiter].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20);
    if (bad)
      invalidListOption(
        "delimiter",
        `delimiter must be 1–${MAX_DELIMITER_CHARS} printable characters, such as "/"`,
      );
  }
  return { prefix, cursor, limit, delimiter };
}

/**
 * Lists one page of objects (with their content types) for a validated query.
 * @example const page = await listObjects(bucket, parseListOptions({ prefix: "avatars/", delimiter: "/" }));
 */
export async function listObjects(bucket: R2Bucket, query: ListQuery): Promise<StorageListResult> {
  // `include` is needed for content types, but the default (oldest) workers-types lack the option.
  const options: R2ListOptions & { include?: ("httpMetadata" | "customMetadata")[] } = {
    prefix: query.prefix || undefined,
    cursor: query.cursor,
    limit: query.limit,
    delimiter: query.delimiter,
    include: ["httpMetadata"],
  };
  let page: R2Objects;
  try {
    page = await bucket.list(options);
  } catch (error) {
    throw rejectedCursor(error, query.cursor) ?? error;
  }
  return {
    objects: page.objects.map(toObjectInfo),
    prefixes: page.delimitedPrefixes,
    cursor: page.truncated ? page.cursor : null,
    truncated: page.truncated,
  };
}

/**
 * 400 `invalid_args` naming a bad list option.
 * @example invalidListOption("limit", "limit must be an integer from 1 to 1000, got \"ten\"")
 */
export function invalidListOption(option: string, message: string): never {
  throw listOptionError(option, message);
}

function listOptionError(option: string, message: string): InvalidArgsError {
  return new InvalidArgsError(`Invalid list options: ${message}`, [
    { code: "invalid_value", path: [option], message },
  ]);
}

/**
 * R2 refuses a cursor it did not issue (or one that expired) with an error naming the cursor: that is
 * the caller's input, so it becomes 400 `invalid_args` naming `cursor` instead of a 500. Any other R2
 * failure is returned as `undefined` (left a 500). Local R2 (Miniflare) accepts any cursor string.
 *
 * @example throw rejectedCursor(error, query.cursor) ?? error;
 */
export function rejectedCursor(error: unknown, cursor: string | undefined): Error | undefined {
  if (cursor === undefined || !(error instanceof Error) || !/cursor/i.test(error.message)) return undefined;
  return listOptionError("cursor", "cursor was not accepted by R2: pass the cursor a previous page returned");
}
