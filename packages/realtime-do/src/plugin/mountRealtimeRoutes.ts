import type { PluginHost } from "@appflare/server";
import { runFailure } from "../object/errorStatus";
import { INTERNAL_HEADERS } from "../object/internalHeaders";
import type { EndpointSubscribeResponse } from "../protocol/endpoint";
import { signatureOf } from "../protocol/signatureOf";
import { type ShardSettings, stubFor } from "./shardStubs";

/** The realtime routes' settings (from `config.realtime`). */
export interface RealtimeRouteSettings extends ShardSettings {
  readonly subscribePath: string;
  readonly unsubscribePath: string;
  readonly websocketPath: string;
  readonly protocol: string;
}

/**
 * Mounts the realtime HTTP routes (docs/realtime.md). Who may call what:
 * - `POST subscribePath` `{ queryName, args, authToken }`: a signed-in user; the query runs once as
 *   them with HTTP's checks (400 unknown query / bad args, 401, 403 banned) before a token is issued,
 *   bound to that user, on the shard the token hashes to.
 * - `POST unsubscribePath` `{ token, authToken }`: only the token's user (404 otherwise, so tokens are
 *   not probeable); closes the token's sockets.
 * - `GET websocketPath`: an upgrade. With `token`, the endpoint-first socket (the shard checks that
 *   `authToken` resolves to the token's user); without, a multiplexed socket that authenticates with
 *   its first message. Sockets never authenticate by cookie, so a cross-site page cannot open one as
 *   the visitor.
 */
export function mountRealtimeRoutes<Env extends object>(
  host: PluginHost<Env>,
  settings: RealtimeRouteSettings,
): void {
  const { app } = host;

  app.post(settings.subscribePath, async (c) => {
    const body = await jsonBody(c.req.raw);
    if (body === "too large") return tooLarge();
    if (body === undefined) {
      return problem(400, "invalid_body", "Expected a JSON object { queryName, args, authToken }");
    }
    const { queryName, args = {}, authToken } = body;
    if (typeof authToken !== "string" || authToken === "") {
      return problem(
        401,
        "unauthorized",
        "authToken is required: endpoint-first subscriptions need a signed-in user",
      );
    }
    const caller = await callerOf(host, authToken, c.env);
    if (caller instanceof Response) return caller;
    if (caller === null)
      return problem(401, "unauthorized", "authToken resolves to no user (invalid or expired)");
    if (typeof queryName !== "string" || queryName === "") {
      return problem(400, "invalid_body", 'queryName: expected the query\'s name, e.g. "tasks/list"');
    }
    try {
      // The same checks a socket subscription gets: unknown query, args, authRequired, ban, middleware.
      await host.runQuery(queryName, args, { env: c.env, user: caller.user, session: caller.session });
    } catch (error) {
      const failure = runFailure(error);
      return problem(failure.status, failure.code, failure.message);
    }
    const token = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll("-", "");
    const signature = signatureOf(queryName, args);
    await stubFor(c.env, settings, token).registerToken({
      token,
      userId: caller.user.id,
      sessionId: caller.session?.id ?? null,
      queryName,
      args: JSON.stringify(args),
      signature,
    });
    const url = new URL(c.req.url);
    const answer: EndpointSubscribeResponse = {
      token,
      signature,
      websocket: {
        url: `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}${settings.websocketPath}`,
        protocol: settings.protocol,
        params: { tokenParam: "token", authTokenParam: "authToken" },
      },
    };
    return Response.json(answer);
  });

  app.post(settings.unsubscribePath, async (c) => {
    const body = await jsonBody(c.req.raw);
    if (body === "too large") return tooLarge();
    const token = body?.token;
    const authToken = body?.authToken;
    if (typeof token !== "string" || token === "")
      return problem(400, "invalid_body", "token: expected the subscription token");
    const caller =
      typeof authToken === "string" && authToken !== "" ? await callerOf(host, authToken, c.env) : null;
    if (caller instanceof Response) return caller;
    if (caller === null) return problem(401, "unauthorized", "authToken is missing or resolves to no user");
    const dropped = await stubFor(c.env, settings, token).dropToken(token, caller.user.id);
    if (!dropped) return problem(404, "not_found", "No subscription with this token for this user");
    return Response.json({ ok: true });
  });

  app.get(settings.websocketPath, async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      return problem(
        426,
        "upgrade_required",
        `${settings.websocketPath} is a WebSocket: send Upgrade: websocket`,
      );
    }
    const token = new URL(c.req.url).searchParams.get("token");
    const connectionId = crypto.randomUUID();
    const headers = new Headers(c.req.raw.headers);
    headers.set(INTERNAL_HEADERS.mode, token ? "endpoint" : "multiplexed");
    headers.set(INTERNAL_HEADERS.connection, connectionId);
    // Endpoint-first sockets live on their token's shard; multiplexed ones on their connection's.
    const stub = stubFor(c.env, settings, token || connectionId);
    const response = await stub.fetch(new Request(c.req.raw.url, { method: "GET", headers }));
    // A stub's response has immutable headers; the app's middleware (request id, CORS) adds some.
    return new Response(response.body, {
      status: response.status,
      headers: new Headers(response.headers),
      ...(response.webSocket ? { webSocket: response.webSocket } : {}),
    });
  });
}

/** Largest body the realtime routes read (a subscription's args included). */
const MAX_BODY_BYTES = 65_536;

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined | "too large"> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return "too large";
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return "too large";
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The token's caller; a refusal the auth layer throws (a banned user's 403) becomes its response. */
async function callerOf<Env extends object>(host: PluginHost<Env>, token: string, env: Env) {
  try {
    return await host.resolveToken(token, env);
  } catch (error) {
    const failure = runFailure(error);
    return problem(failure.status, failure.code, failure.message);
  }
}

function tooLarge(): Response {
  return Response.json(
    { code: "payload_too_large", message: `Realtime request bodies are capped at ${MAX_BODY_BYTES} bytes` },
    { status: 413 },
  );
}

function problem(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status });
}
