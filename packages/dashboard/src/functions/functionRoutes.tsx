import { AppflareError, type SessionUser } from "@appflare/server";
import type { Hono } from "hono";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { pageFrame } from "../http/pageFrame";
import { writeCall } from "../http/writeCall";
import { withTable } from "../tables/rowWrites";
import { type FunctionInfo, FunctionsPage, type RunOutcome } from "../views/FunctionsPage";
import { argsJsonSchema } from "./argsJsonSchema";

/**
 * `GET <base>/functions` (every query and mutation with its args schema) and `POST <base>/functions/run`
 * (runs one through `host.runHandler`, with HTTP's checks, as anonymous or as a chosen user). In
 * read-only mode only queries run.
 */
export function functionRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  let functions: FunctionInfo[] | undefined;
  const list = () =>
    (functions ??= runtime.host.handlers.flatMap((h): FunctionInfo[] => {
      const def = h.definition;
      if (def.kind !== "query" && def.kind !== "mutation") return [];
      return [
        {
          kind: def.kind,
          name: h.name,
          authRequired: def.authRequired,
          argsSchema: argsJsonSchema(def.args),
        },
      ];
    }));
  const page = (
    c: DashboardContext<Env>,
    extra: Partial<Parameters<typeof FunctionsPage>[0]> = {},
    status: 200 | 400 | 403 | 404 = 200,
  ) =>
    c.html(
      <FunctionsPage frame={pageFrame(c, runtime, "Functions")} functions={list()} {...extra} />,
      status,
    );

  app.get("/functions", (c) => page(c));

  app.post("/functions/run", async (c) => {
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    const selected = text("fn");
    const argsText = text("args").trim() || "{}";
    const userId = text("as").trim();
    const fail = (status: 400 | 403 | 404, message: string, name = selected) =>
      page(
        c,
        {
          selected,
          args: argsText,
          userId,
          outcome: { name, kind: "query", as: userId || "anonymous", ms: 0, status, result: { message } },
        },
        status,
      );
    const fn = list().find((f) => `${f.kind}:${f.name}` === selected);
    if (!fn) return fail(404, `No query or mutation "${selected}"`);
    if (fn.kind === "mutation" && runtime.readOnly) {
      return fail(
        403,
        `The dashboard is read-only (config.dashboard.readOnly): mutation ${fn.name} was not run`,
      );
    }
    let args: unknown;
    try {
      args = JSON.parse(argsText);
    } catch (error) {
      return fail(400, `Args are not valid JSON: ${(error as Error).message}`);
    }
    let user: SessionUser | null = null;
    if (userId) {
      const users = runtime.model.tables.users;
      const row = users
        ? await withTable(writeCall(c, runtime), users, (t) => t.findFirst({ where: { id: userId } }))
        : null;
      if (!row) return fail(404, `No user with id "${userId}"`);
      user = row as unknown as SessionUser;
    }
    const started = Date.now();
    let outcome: RunOutcome;
    try {
      const result = await runtime.host.runHandler(fn.kind, fn.name, args, {
        env: c.env,
        user,
        executionCtx: writeCall(c, runtime).executionCtx,
      });
      outcome = {
        name: fn.name,
        kind: fn.kind,
        as: userId || "anonymous",
        ms: Date.now() - started,
        status: 200,
        result: result.data,
      };
    } catch (error) {
      if (!(error instanceof AppflareError)) throw error;
      outcome = {
        name: fn.name,
        kind: fn.kind,
        as: userId || "anonymous",
        ms: Date.now() - started,
        status: error.status,
        result: error.body,
      };
    }
    return page(c, { selected, args: argsText, userId, outcome });
  });
}
