import { NotFoundError } from "../errors/AppflareError";
import type { CallResult, HandlerEngine } from "./HandlerEngine";
import type { HandlerRegistry } from "./HandlerRegistry";
import type { RunHandlerOptions } from "./plugins/PluginHost";
import type { RunQueryOptions } from "./RunQueryOptions";

/** Running handlers by name outside HTTP. */
export interface Callers<Env> {
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
  runHandler(
    kind: "query" | "mutation",
    name: string,
    args: unknown,
    options: RunHandlerOptions<Env>,
  ): Promise<CallResult>;
}

/**
 * `runQuery` (realtime re-runs) and `runHandler` (the dashboard's "run as user"): the same checks as
 * the HTTP routes — args, `authRequired`, ban, middleware — through the same engine, so committed
 * events are published as they are for a request. `ctx.request` is the given request, else a bare
 * request to the handler's route.
 *
 * @example
 * const { runQuery } = createCallers(engine, registry);
 * const { data, readSet } = await runQuery("tasks/list", { projectId }, { env, user });
 */
export function createCallers<Env>(engine: HandlerEngine<Env>, registry: HandlerRegistry): Callers<Env> {
  const runHandler: Callers<Env>["runHandler"] = async (kind, name, args, options) => {
    const definition = (kind === "query" ? registry.queries : registry.mutations).get(name);
    if (!definition) throw new NotFoundError(`No ${kind} named "${name}"`);
    const user = options.user ?? null;
    const route = kind === "query" ? "queries" : "mutations";
    return engine.runRequest({
      kind,
      name,
      definition,
      rawArgs: args,
      env: options.env,
      request:
        options.request ??
        new Request(`https://appflare.internal/${route}/${name}`, {
          method: kind === "query" ? "GET" : "POST",
        }),
      executionCtx: options.executionCtx,
      caller: user ? { user, session: options.session ?? null } : null,
      requestId: undefined,
      ...(options.bookmark === undefined ? {} : { bookmark: options.bookmark }),
    });
  };
  return {
    runHandler,
    runQuery: (name, args, options) => runHandler("query", name, args, options),
  };
}
