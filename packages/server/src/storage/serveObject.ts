import { NotFoundError } from "../errors/AppflareError";
import { ifRangeHolds, isNotModified, objectHeaders, validatorHeaders } from "./objectHeaders";
import { parseRangeHeader, resolveRange } from "./parseRange";

/**
 * Answers `GET`/`HEAD /storage/object` for an already normalized and authorized key: 200 with the
 * object streamed from R2; 206 + `Content-Range` for a satisfiable single `Range`; 416 +
 * `Content-Range: bytes *\/size` for an unsatisfiable one; 304 for a matching `If-None-Match` /
 * `If-Modified-Since`; 404 `not_found` when there is no such object. `download` (a file name, or
 * `null`) adds `Content-Disposition: attachment`.
 *
 * A plain GET is one R2 call. Ranges and conditionals read the object's size and ETag first (`head`),
 * then fetch the range only if the ETag is unchanged; if the object was replaced in between, the
 * whole new object is sent with 200 (RFC 9110 lets a server ignore `Range`).
 *
 * @example app.get("/file", (c) => serveObject(env.STORAGE, "a.png", c.req.raw, null));
 */
export async function serveObject(
  bucket: R2Bucket,
  key: string,
  request: Request,
  download: string | null,
): Promise<Response> {
  const range = parseRangeHeader(request.headers.get("range"));
  const conditional = request.headers.has("if-none-match") || request.headers.has("if-modified-since");
  if (request.method === "HEAD" || range !== null || conditional) {
    const head = await bucket.head(key);
    if (!head) throw notFound(key);
    if (isNotModified(request.headers, head)) {
      return new Response(null, { status: 304, headers: validatorHeaders(head) });
    }
    if (request.method === "HEAD") {
      return new Response(null, { status: 200, headers: objectHeaders(head, head.size, download) });
    }
    if (range !== null && ifRangeHolds(request.headers, head)) {
      const bytes = resolveRange(range, head.size);
      if (!bytes) return rangeNotSatisfiable(key, head.size, request.headers.get("range") ?? "");
      const part = await bucket.get(key, { range: bytes, onlyIf: { etagMatches: head.etag } });
      if (part && "body" in part) {
        const headers = objectHeaders(part, bytes.length, download);
        const last = bytes.offset + bytes.length - 1;
        headers.set("content-range", `bytes ${bytes.offset}-${last}/${part.size}`);
        return new Response(part.body, { status: 206, headers });
      }
    }
  }
  const object = await bucket.get(key);
  if (!object) throw notFound(key);
  return new Response(object.body, { status: 200, headers: objectHeaders(object, object.size, download) });
}

function notFound(key: string): NotFoundError {
  return new NotFoundError(`No storage object at ${JSON.stringify(key)}`);
}

/** 416 carries `Content-Range: bytes *\/size` (RFC 9110), which an error class cannot add, so it is built here. */
function rangeNotSatisfiable(key: string, size: number, header: string): Response {
  const body = {
    code: "range_not_satisfiable",
    message: `The range ${JSON.stringify(header)} is outside ${JSON.stringify(key)} (${size} bytes); ask for bytes 0–${Math.max(0, size - 1)} or drop the Range header`,
    path: key,
    size,
  };
  return new Response(JSON.stringify(body), {
    status: 416,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "content-range": `bytes */${size}`,
    },
  });
}
