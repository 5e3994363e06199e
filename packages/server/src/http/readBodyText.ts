import { InvalidArgsError, PayloadTooLargeError } from "../errors/AppflareError";

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes: first by `Content-Length`
 * (nothing is read), then while streaming (a chunked body or a lying header is cut off as soon as it
 * passes the limit, so an oversize body is never buffered whole).
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw new PayloadTooLargeError(limit);
  }
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InvalidArgsError("The request body is not valid UTF-8", []);
  }
}
