import * as z from "zod";
import { InvalidArgsError, PayloadTooLargeError } from "../errors/AppflareError";
import { Base64Decoder } from "./Base64Decoder";
import { customMetadataProblem } from "./customMetadataProblem";
import { normalizeStorageKey } from "./normalizeStorageKey";
import {
  expectJsonChar,
  invalidJson,
  type JsonBudget,
  readJsonValue,
  skipJsonWhitespace,
} from "./readJsonValue";
import { TextCursor } from "./TextCursor";

/** A `POST /storage/upload` whose caller is authorized, its payload not read yet. */
export interface Base64UploadStream {
  /** The normalized key. */
  readonly key: string;
  /** The decoded bytes, read from the request as they are pulled. Errors with the 400/413 to answer. */
  readonly body: ReadableStream<Uint8Array>;
  /**
   * The R2 options (`contentType`, `customMetadata`). Fields sent after `base64Body` are known once
   * `body` has ended; asked earlier (a multipart upload), such a field fails `body` with a 400.
   */
  putOptions(): R2PutOptions;
}

/** Options of {@link openBase64Upload}. */
export interface OpenBase64UploadOptions {
  /** `limits.uploadBytes`: the most decoded bytes (413 above). */
  readonly uploadBytes: number;
  /** The `?path=` query parameter, if given (then the body's `path` is optional and must agree). */
  readonly queryPath: string | null;
  /** Throws when the caller may not `put` the key; called before a byte of `base64Body` is read. */
  readonly authorize: (key: string) => Promise<void>;
}

// Everything but the base64 text: path (≤ 1 KiB), content type, metadata (≤ 2 KiB), quoting.
const FIELD_CHARS = 64 * 1024;
const EXPECTED = "(expected { path, contentType?, base64Body, customMetadata? })";
const fieldsSchema = z.object({
  path: z.string().optional(),
  contentType: z.string().max(256).optional(),
  customMetadata: z.record(z.string(), z.string()).optional(),
});
type UploadFields = z.infer<typeof fieldsSchema>;

/**
 * Opens the appflare 0.2 upload body `{ path, contentType?, base64Body, customMetadata? }` as a stream:
 * it reads the JSON only up to the opening quote of `base64Body`, normalizes `path` (or `?path=`) and
 * asks `authorize` — so a denied caller costs one chunk, never the payload. The returned `body` then
 * decodes `base64Body` piece by piece as R2 pulls it, counting decoded bytes (413 past `uploadBytes`),
 * and finally checks the rest of the JSON; bad base64 or JSON errors the stream, so nothing is stored.
 * `path` must come before `base64Body` (as `JSON.stringify` writes it) unless given as `?path=`.
 *
 * @example
 * const upload = await openBase64Upload(c.req.raw, { uploadBytes, queryPath: null, authorize });
 * await putChunked(bucket, upload.key, upload.body, uploadBytes, partBytes, upload.putOptions);
 */
export async function openBase64Upload(
  request: Request,
  options: OpenBase64UploadOptions,
): Promise<Base64UploadStream> {
  const { uploadBytes } = options;
  const declared = request.headers.get("content-length");
  // Base64 is 4/3 of the bytes; a longer declared body cannot fit (JSON escapes like `\/` aside).
  if (
    declared !== null &&
    /^\d+$/.test(declared) &&
    Number(declared) > Math.ceil(uploadBytes / 3) * 4 + FIELD_CHARS
  )
    throw new PayloadTooLargeError(uploadBytes, "limits.uploadBytes");
  if (!request.body) invalidJson("the body is empty");
  const cursor = new TextCursor(request.body.getReader());
  const budget: JsonBudget = {
    left: FIELD_CHARS,
    size: FIELD_CHARS,
    what: "The upload fields other than base64Body",
  };
  try {
    const head = new Map<string, unknown>();
    const stop = await readMembers(cursor, budget, head, true);
    const fields = validFields(head);
    if (stop === "end") fieldError("base64Body", "base64Body is required");
    const key = normalizeStorageKey(uploadPath(fields.path, options.queryPath));
    await options.authorize(key);
    let taken = false;
    const putOptions = (): R2PutOptions => {
      taken = true;
      const { contentType, customMetadata } = fields;
      return { httpMetadata: contentType ? { contentType } : undefined, customMetadata };
    };
    const tail = async (): Promise<void> => {
      const rest = new Map<string, unknown>();
      if ((await readMembers(cursor, budget, rest, false)) === "base64")
        fieldError("base64Body", "base64Body is given twice");
      if (rest.has("path")) fieldError("path", "path must come before base64Body (or be given as ?path=)");
      const late = validFields(rest);
      for (const name of ["contentType", "customMetadata"] as const) {
        if (late[name] === undefined) continue;
        if (fields[name] !== undefined) fieldError(name, `${name} is given twice`);
        if (taken) fieldError(name, `${name} must come before base64Body for uploads larger than one part`);
      }
      fields.contentType ??= late.contentType;
      fields.customMetadata ??= late.customMetadata;
    };
    return { key, body: decodedStream(cursor, uploadBytes, tail), putOptions };
  } catch (error) {
    await cursor.cancel(error);
    throw error;
  }
}

/**
 * The bytes of the `base64Body` string the cursor is inside, decoded as pulled; at its closing quote,
 * `tail` reads the rest of the JSON before the stream ends.
 */
function decodedStream(
  cursor: TextCursor,
  uploadBytes: number,
  tail: () => Promise<void>,
): ReadableStream<Uint8Array> {
  const decoder = new Base64Decoder();
  let total = 0;
  let inString = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (inString) {
          const run = await cursor.takeUntil(/["\\]/);
          if (run === undefined) invalidJson("the body ends inside base64Body");
          let bytes: Uint8Array;
          if (run !== "") bytes = decoder.push(run);
          else if ((await cursor.next()) === '"') {
            inString = false;
            bytes = decoder.end();
          } else {
            // A JSON escape: only `\/` (some encoders escape slashes) spells a base64 character.
            const escaped = await cursor.next();
            bytes = decoder.push(escaped === "/" ? "/" : `\\${escaped ?? ""}`);
          }
          if (bytes.byteLength === 0) continue;
          total += bytes.byteLength;
          if (total > uploadBytes) throw new PayloadTooLargeError(uploadBytes, "limits.uploadBytes");
          controller.enqueue(bytes);
          return;
        }
        await tail();
        controller.close();
      } catch (error) {
        await cursor.cancel(error);
        throw error;
      }
    },
    cancel: (reason) => cursor.cancel(reason),
  });
}

/**
 * Reads object members into `into` until the `base64Body` key (its opening quote consumed: "base64")
 * or the end of the object and of the body ("end"). `atStart`: before the `{`, else after a value.
 */
async function readMembers(
  cursor: TextCursor,
  budget: JsonBudget,
  into: Map<string, unknown>,
  atStart: boolean,
): Promise<"base64" | "end"> {
  let more: boolean;
  if (atStart) {
    await expectJsonChar(cursor, budget, "{");
    await skipJsonWhitespace(cursor, budget);
    more = (await cursor.peek()) !== "}";
    if (!more) await expectJsonChar(cursor, budget, "}");
  } else more = (await expectJsonChar(cursor, budget, ",}")) === ",";
  while (more) {
    const name = await readJsonValue(cursor, budget);
    if (typeof name !== "string") invalidJson("an object key must be a string");
    await expectJsonChar(cursor, budget, ":");
    if (name === "base64Body") {
      await expectJsonChar(cursor, budget, '"');
      return "base64";
    }
    if (into.has(name)) fieldError(name, `${name} is given twice`);
    into.set(name, await readJsonValue(cursor, budget));
    more = (await expectJsonChar(cursor, budget, ",}")) === ",";
  }
  await skipJsonWhitespace(cursor, budget);
  if ((await cursor.peek()) !== undefined) invalidJson("text follows the JSON object");
  return "end";
}

function validFields(members: Map<string, unknown>): UploadFields {
  const parsed = fieldsSchema.safeParse(Object.fromEntries(members));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
    throw new InvalidArgsError(
      `Invalid upload body: ${where}${first?.message ?? "invalid input"} ${EXPECTED}`,
      parsed.error.issues,
    );
  }
  const problem = customMetadataProblem(parsed.data.customMetadata);
  if (problem) fieldError("customMetadata", `customMetadata: ${problem}`);
  return { ...parsed.data, contentType: parsed.data.contentType || undefined };
}

/** The key to store: `?path=` or the body's `path`; both given must agree. */
function uploadPath(bodyPath: string | undefined, queryPath: string | null): string {
  if (queryPath !== null && bodyPath !== undefined && queryPath !== bodyPath) {
    fieldError(
      "path",
      `path ${JSON.stringify(bodyPath)} differs from ?path=${JSON.stringify(queryPath)}; give one`,
    );
  }
  const path = queryPath ?? bodyPath;
  if (path === undefined) fieldError("path", "path is required before base64Body (or give it as ?path=)");
  return path;
}

function fieldError(field: string, message: string): never {
  throw new InvalidArgsError(`Invalid upload body: ${message} ${EXPECTED}`, [
    { code: "invalid_value", path: [field], message },
  ]);
}
