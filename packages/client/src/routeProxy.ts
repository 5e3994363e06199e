import type { AppflareResult } from "./AppflareResult";
import type { Transport } from "./createTransport";
import type { RealtimeConnection, SubscriptionHandlers } from "./RealtimeConnection";

/** What a route handle needs from its client. */
export interface RouteContext {
  readonly transport: Transport;
  readonly realtime: () => RealtimeConnection;
}

/** Properties of a handle; any other property name is a child folder or route. */
const HANDLE_KEYS = new Set(["kind", "name", "run", "queryKey", "mutationKey", "subscribe"]);

/**
 * The typed-proxy tree behind `appflare.queries` / `appflare.mutations`: `tree.blog.posts.list` is the
 * handle of route `blog/posts/list`. Children are cached, so a handle keeps its identity (React
 * dependency arrays rely on it). `then` is not a child, so awaiting a handle by mistake does not hang.
 *
 * @example
 * const queries = routeProxy("query", [], context) as ClientTree<Api["queries"]>;
 * await queries.tasks.list.run({ projectId }); // GET /queries/tasks/list?args=…
 */
export function routeProxy(
  kind: "query" | "mutation",
  segments: readonly string[],
  context: RouteContext,
): unknown {
  const name = segments.join("/");
  const children = new Map<string, unknown>();
  const handle: Record<string, unknown> = {
    kind,
    name,
    run: (args?: unknown) => runRoute(kind, name, args, context.transport),
    ...(kind === "query"
      ? {
          queryKey: (args?: unknown) =>
            args === undefined ? ["appflare", "query", name] : ["appflare", "query", name, args],
          subscribe: (options: { args?: unknown } & SubscriptionHandlers) =>
            context.realtime().subscribe(name, options.args ?? {}, options),
        }
      : { mutationKey: () => ["appflare", "mutation", name] }),
  };
  return new Proxy(handle, {
    get(target, property) {
      if (typeof property === "symbol" || property === "then" || property === "toJSON") return undefined;
      if (HANDLE_KEYS.has(property)) return target[property];
      let child = children.get(property);
      if (child === undefined) {
        child = routeProxy(kind, [...segments, property], context);
        children.set(property, child);
      }
      return child;
    },
  });
}

/** `GET /queries/<name>?args=<json>` or `POST /mutations/<name>` with a JSON body. */
function runRoute(
  kind: "query" | "mutation",
  name: string,
  args: unknown,
  transport: Transport,
): Promise<AppflareResult<unknown>> {
  if (kind === "query") {
    const query = args === undefined ? "" : `?args=${encodeURIComponent(JSON.stringify(args))}`;
    return transport.json({ method: "GET", path: `/queries/${name}${query}` });
  }
  return transport.json({
    method: "POST",
    path: `/mutations/${name}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(args ?? {}),
  });
}
