import type { Context, Hono } from "hono";
import { type AppflareError, NotFoundError } from "../errors/AppflareError";
import { MethodNotAllowedError } from "../errors/MethodNotAllowedError";
import { argsSchema } from "../handlers/args";
import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import type { AppEnv } from "./AppEnv";
import { coerceSearchParams } from "./coerceSearchParams";
import { jsonResponse } from "./errorResponse";
import { executionCtxOf } from "./executionCtxOf";
import type { HandlerEngine } from "./HandlerEngine";
import { parseJsonArgs } from "./parseJsonArgs";
import { readBodyText } from "./readBodyText";
import type { WorkerHooks } from "./WorkerHooks";

type RequestDefinition = Extract<AnyHandlerDefinition, { kind: "query" | "mutation" }>;

/** What the handler routes need. */
export interface HandlerRoutesSetup<Env extends object> {
  readonly queries: ReadonlyMap<string, RequestDefinition>;
  readonly mutations: ReadonlyMap<string, RequestDefinition>;
  readonly engine: HandlerEngine<Env>;
  readonly resolveSession: WorkerHooks<Env>["resolveSession"];
  readonly bodyBytes: number;
}

/**
 * Mounts `GET /queries/<name>` and `POST /mutations/<name>` (api.md §5). A known name called with the
 * wrong method answers 405 `method_not_allowed` with an `Allow` header; an unknown name is 404.
 */
export function mountHandlerRoutes<Env extends object>(
  app: Hono<AppEnv<Env>>,
  setup: HandlerRoutesSetup<Env>,
): void {
  app.get("/queries/*", async (c) => {
    const name = routeName(c.req.url, "/queries/");
    const definition = name === undefined ? undefined : setup.queries.get(name);
    if (name === undefined || !definition) throw notFound("query", c.req.url, "/queries/");
    const params = new URL(c.req.url).searchParams;
    // `args` is reserved for the JSON form; without it, plain params are coerced by the arg shape.
    const rawArgs = params.has("args")
      ? parseJsonArgs(params.get("args") ?? "", "args")
      : coerceSearchParams(params, argsSchema(definition.args).shape);
    return run(c, setup, "query", name, definition, rawArgs);
  });

  app.post("/mutations/*", async (c) => {
    const name = routeName(c.req.url, "/mutations/");
    const definition = name === undefined ? undefined : setup.mutations.get(name);
    if (name === undefined || !definition) throw notFound("mutation", c.req.url, "/mutations/");
    const rawArgs = parseJsonArgs(await readBodyText(c.req.raw, setup.bodyBytes), "body");
    return run(c, setup, "mutation", name, definition, rawArgs);
  });

  app.all("/queries/*", (c) => wrongMethod(c.req.url, "/queries/", setup.queries, "GET"));
  app.all("/mutations/*", (c) => wrongMethod(c.req.url, "/mutations/", setup.mutations, "POST"));
}

async function run<Env extends object>(
  c: Context<AppEnv<Env>>,
  setup: HandlerRoutesSetup<Env>,
  kind: "query" | "mutation",
  name: string,
  definition: RequestDefinition,
  rawArgs: unknown,
): Promise<Response> {
  const caller = (await setup.resolveSession?.(c.req.raw, c.env)) ?? null;
  const requestId = c.get("requestId");
  const { data } = await setup.engine.runRequest({
    kind,
    name,
    definition,
    rawArgs,
    env: c.env,
    request: c.req.raw,
    executionCtx: executionCtxOf(c),
    caller,
    requestId,
  });
  return jsonResponse(data, 200, requestId);
}

/**
 * `/queries/blog/posts/list` → `blog/posts/list`. Segments are percent-decoded; a segment that
 * decodes to contain `/` (or does not decode) names no handler.
 */
export function routeName(url: string, prefix: string): string | undefined {
  const path = new URL(url).pathname;
  if (!path.startsWith(prefix)) return undefined;
  const segments = path.slice(prefix.length).split("/");
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (value === "" || value.includes("/")) return undefined;
    decoded.push(value);
  }
  return decoded.join("/");
}

function notFound(kind: "query" | "mutation", url: string, prefix: string): AppflareError {
  const name = routeName(url, prefix);
  return new NotFoundError(name === undefined ? `No such ${kind}` : `No ${kind} named "${name}"`);
}

function wrongMethod(
  url: string,
  prefix: string,
  handlers: ReadonlyMap<string, RequestDefinition>,
  allow: "GET" | "POST",
): never {
  const name = routeName(url, prefix);
  const kind = prefix === "/queries/" ? "query" : "mutation";
  if (name === undefined || !handlers.has(name)) throw notFound(kind, url, prefix);
  throw new MethodNotAllowedError(kind, name, allow);
}
