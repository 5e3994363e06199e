import type { Hono } from "hono";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { errorMessage } from "../http/errorMessage";
import { pageFrame } from "../http/pageFrame";
import { writeCall } from "../http/writeCall";
import { auditFor } from "../tables/rowWrites";
import { AuditPage } from "../views/AuditPage";
import { undoEntry } from "./undoEntry";

const PAGE = 50;

/** `GET <base>/audit` (the log, `?table=` and `?before=` in the URL) and `POST <base>/audit/:id/undo`. */
export function auditRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const call = (c: DashboardContext<Env>) => writeCall(c, runtime);
  const render = async (
    c: DashboardContext<Env>,
    error?: string,
    status: 200 | 400 | 403 | 404 | 409 | 413 = 200,
  ) => {
    const table = c.req.query("table") || undefined;
    const beforeText = c.req.query("before");
    const before = beforeText && /^\d+$/.test(beforeText) ? Number(beforeText) : undefined;
    const entries = await auditFor(call(c)).list({ table, before, limit: PAGE + 1 });
    const shown = entries.slice(0, PAGE);
    const next = entries.length > PAGE ? shown[shown.length - 1]?.id : undefined;
    return c.html(
      <AuditPage
        frame={pageFrame(c, runtime, "Audit log")}
        entries={shown}
        table={table}
        next={next}
        error={error}
      />,
      status,
    );
  };

  app.get("/audit", (c) => render(c));

  app.post("/audit/:id/undo", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id))
      return render(c, `Audit entry id must be a number, got "${c.req.param("id")}"`, 400);
    try {
      await undoEntry(call(c), id);
    } catch (error) {
      const { status, message } = errorMessage(error);
      return render(c, `Not undone. ${message}`, status);
    }
    return c.redirect(`${runtime.base}/audit`, 303);
  });
}
