import { AppflareError } from "./AppflareError";
import type { AppflareResult } from "./AppflareResult";
import type { Transport } from "./createTransport";
import { errorFromBody } from "./errorFromBody";
import type { StorageObject, UploadBody, UploadOptions } from "./StorageClient";

/** Chunk size of the counting stream: small enough for smooth progress, large enough to stay cheap. */
const CHUNK_BYTES = 64 * 1024;

/**
 * `PUT` of an upload. Without `onProgress` the body goes to fetch as is (streams with
 * `duplex: "half"`). With it: browsers use XMLHttpRequest upload events (Chrome streams request
 * bodies only over HTTP/2, Safari and Firefox not at all); elsewhere (Node, Bun, Workers, React
 * Native) the body is wrapped in a counting ReadableStream sent with `duplex: "half"`.
 *
 * @example
 * await uploadWithProgress(transport, "/storage/object?path=a.bin", { path: "a.bin", body, onProgress });
 */
export async function uploadWithProgress(
  transport: Transport,
  path: string,
  options: UploadOptions,
): Promise<AppflareResult<StorageObject>> {
  const headers: Record<string, string> = options.contentType ? { "content-type": options.contentType } : {};
  const signal = options.signal ? { signal: options.signal } : {};
  const { onProgress } = options;
  if (!onProgress) {
    const body = options.body;
    const streamed = body instanceof ReadableStream;
    return transport.json({
      method: "PUT",
      path,
      headers,
      body: body as BodyInit,
      ...(streamed ? { duplex: "half" as const } : {}),
      ...signal,
    });
  }
  const total = sizeOf(options.body);
  const Xhr = browserXhr();
  if (Xhr && !(options.body instanceof ReadableStream)) {
    return xhrUpload(Xhr, transport, path, options.body, headers, total, onProgress, options.signal);
  }
  return transport.json({
    method: "PUT",
    path,
    headers,
    body: countingStream(options.body, total, onProgress),
    duplex: "half",
    ...signal,
  });
}

function sizeOf(body: UploadBody): number | undefined {
  if (typeof body === "string") return new TextEncoder().encode(body).byteLength;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  return undefined;
}

function toStream(body: UploadBody): ReadableStream<Uint8Array> {
  if (body instanceof ReadableStream) return body;
  if (body instanceof Blob) return body.stream();
  const bytes =
    typeof body === "string"
      ? new TextEncoder().encode(body)
      : body instanceof ArrayBuffer
        ? new Uint8Array(body)
        : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
}

/** The body as a stream that reports each chunk as it is read by fetch. */
function countingStream(
  body: UploadBody,
  total: number | undefined,
  onProgress: NonNullable<UploadOptions["onProgress"]>,
): ReadableStream<Uint8Array> {
  let loaded = 0;
  return toStream(body).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress({ loaded, total });
      },
    }),
  );
}

/** The part of XMLHttpRequest an upload uses (declared here: the client compiles without the DOM lib). */
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: unknown): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: {
    onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

type XhrConstructor = new () => XhrLike;

/** XMLHttpRequest where there is a page (browsers); React Native has XHR but no `document` and streams fine. */
function browserXhr(): XhrConstructor | undefined {
  const scope = globalThis as { XMLHttpRequest?: XhrConstructor; document?: unknown };
  return scope.document !== undefined ? scope.XMLHttpRequest : undefined;
}

async function xhrUpload(
  Xhr: XhrConstructor,
  transport: Transport,
  path: string,
  body: Exclude<UploadBody, ReadableStream>,
  headers: Record<string, string>,
  total: number | undefined,
  onProgress: NonNullable<UploadOptions["onProgress"]>,
  signal: AbortSignal | undefined,
): Promise<AppflareResult<StorageObject>> {
  const route = `PUT ${path.split("?")[0]}`;
  const all = { ...(await transport.headers()), ...headers };
  return new Promise((resolve) => {
    const xhr = new Xhr();
    xhr.open("PUT", `${transport.endpoint}${path}`);
    for (const [key, value] of Object.entries(all)) if (key !== "origin") xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : total });
    xhr.onload = () => {
      let parsed: unknown = xhr.responseText;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: keep the text.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ data: parsed as StorageObject, error: null });
      else resolve({ data: null, error: errorFromBody(xhr.status, parsed, route) });
    };
    const fail = (why: string) => () =>
      resolve({
        data: null,
        error: new AppflareError({
          status: 0,
          code: "network_error",
          message: `${route} ${why}`,
          body: null,
          route,
        }),
      });
    xhr.onerror = fail("failed before an answer");
    xhr.onabort = fail("was aborted");
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}
