import * as z from "zod";
import { InvalidArgsError, PayloadTooLargeError } from "../errors/AppflareError";
import { customMetadataProblem } from "./customMetadataProblem";

/** A `POST /storage/upload` body after validation (`path` not yet normalized). */
export interface Base64Upload {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly customMetadata: Record<string, string> | undefined;
  /** The still-encoded body: decode with {@link decodeBase64} once the caller is authorized. */
  readonly base64Body: string;
}

const uploadSchema = z.object({
  path: z.string(),
  contentType: z.string().max(256).optional(),
  base64Body: z.string(),
  customMetadata: z.record(z.string(), z.string()).optional(),
});

// Room for the JSON around the base64 text: the path (≤ 1 KiB), content type, metadata, quoting.
const JSON_OVERHEAD_BYTES = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads and validates the appflare 0.2 upload body `{ path, contentType?, base64Body, customMetadata? }`.
 * The body is read with a cap derived from `uploadBytes` (base64 is 4/3 of the bytes), so an oversize
 * body is refused with 413 by `Content-Length`, or as soon as it passes the cap, without being
 * buffered whole; a base64 body that would decode to more than `uploadBytes` is 413 too.
 *
 * @example const upload = await parseBase64Upload(c.req.raw, config.limits.uploadBytes);
 */
export async function parseBase64Upload(request: Request, uploadBytes: number): Promise<Base64Upload> {
  const text = await readText(request, Math.ceil(uploadBytes / 3) * 4 + JSON_OVERHEAD_BYTES, uploadBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    invalid([], "The upload body is not valid JSON; send { path, contentType?, base64Body }");
  }
  const parsed = uploadSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
    throw new InvalidArgsError(
      `Invalid upload body: ${where}${first?.message ?? "invalid input"} (expected { path, contentType?, base64Body, customMetadata? })`,
      parsed.error.issues,
    );
  }
  const { path, contentType, base64Body, customMetadata } = parsed.data;
  if (!BASE64.test(base64Body) || base64Body.length % 4 === 1) {
    invalid(
      ["base64Body"],
      "base64Body is not valid base64 (standard alphabet A–Z a–z 0–9 + /, optional = padding)",
    );
  }
  const metadataProblem = customMetadataProblem(customMetadata);
  if (metadataProblem) invalid(["customMetadata"], `customMetadata: ${metadataProblem}`);
  const padding = base64Body.endsWith("==") ? 2 : base64Body.endsWith("=") ? 1 : 0;
  if (Math.floor((base64Body.length * 3) / 4) - padding > uploadBytes)
    throw new PayloadTooLargeError(uploadBytes);
  return { path, contentType: contentType || undefined, customMetadata, base64Body };
}

/**
 * Decodes validated base64 (see {@link parseBase64Upload}).
 * @example decodeBase64("aGk=") // Uint8Array [104, 105]
 */
export function decodeBase64(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return invalid(["base64Body"], "base64Body is not valid base64");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads the body as UTF-8, refusing more than `cap` bytes (413 naming `limit`, the upload cap). */
async function readText(request: Request, cap: number, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > cap)
    throw new PayloadTooLargeError(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let text = "";
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) throw new PayloadTooLargeError(limit);
      text += decodeUtf8(decoder, value);
    }
    return text + decodeUtf8(decoder, undefined);
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

function decodeUtf8(decoder: TextDecoder, chunk: Uint8Array | undefined): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    return invalid([], "The upload body is not valid UTF-8");
  }
}

function invalid(path: string[], message: string): never {
  throw new InvalidArgsError(message, [{ code: "invalid_value", path, message }]);
}
