import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import type { AppflarePlugin } from "../../src/http/plugins/AppflarePlugin";
import { authEnv } from "../auth/support";
import { makePluginWorker, pluginConfig } from "../plugins/support";

export const BODY_BYTES = 4096;
export const UPLOAD_BYTES = 64 * 1024;
export const ORIGIN = "https://app.example.com";

/** A plugin route that reads its whole body: the body limit must cover plugins' routes too. */
const echo: AppflarePlugin = {
  name: "echo",
  setup(host) {
    host.app.post("/plugin/echo", async (c) => c.json({ length: (await c.req.text()).length }));
  },
};

/** The worker every hardening test hits: auth, storage, CORS, small limits, as createWorker wires them. */
export const worker = makePluginWorker([echo], {
  config: { ...pluginConfig, cors: [ORIGIN], limits: { bodyBytes: BODY_BYTES, uploadBytes: UPLOAD_BYTES } },
});

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/** A body sent without `Content-Length` (chunked), in `chunks` pieces. */
export function chunked(text: string, chunks = 4): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const size = Math.ceil(bytes.length / chunks);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** One request through `worker.fetch` with a real execution context; raw body and headers as given. */
export async function request(
  method: string,
  path: string,
  init: { body?: BodyInit | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const ctx = createExecutionContext();
  const response = await worker.worker.fetch(
    new Request(`http://appflare.test${path}`, {
      method,
      headers: init.headers,
      body: init.body ?? null,
      ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
    authEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text (the assertion will show it).
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const json = { "content-type": "application/json" };
