import type { AppEnv } from "@appflare/server";
import { Hono, type MiddlewareHandler } from "hono";
import { DASHBOARD_SCRIPT } from "../assets/dashboardScript";
import { DASHBOARD_STYLES } from "../assets/dashboardStyles";
import { auditRoutes } from "../audit/auditRoutes";
import { functionRoutes } from "../functions/functionRoutes";
import { storageRoutes } from "../storage/storageRoutes";
import { importBodyLimits } from "../tables/csvRoutes";
import { tableRoutes } from "../tables/tableRoutes";
import { userRoutes } from "../users/userRoutes";
import { adminGate } from "./adminGate";
import { authRoutes } from "./authRoutes";
import { canonicalPath, isUnder } from "./canonicalPath";
import { csrfProblem, csrfToken } from "./csrf";
import type { DashboardEnv, DashboardRuntime } from "./DashboardRuntime";
import { applySecurityHeaders } from "./securityHeaders";

/** State-changing routes that stay open in read-only mode (they change no data). */
const READ_ONLY_ALLOWED = new Set(["/sign-in", "/sign-out", "/functions/run"]);

/**
 * Mounts the dashboard on the host app at `runtime.base`: a guard on the whole app that sends every
 * other spelling of the base path (`//admin`, `/%61dmin`, `/admin%2F...`) through the admin check,
 * then the sub-app with security headers, CSRF, the admin gate and read-only mode in front of every
 * route but the sign-in page and the static files.
 */
export function mountDashboard<Env extends object>(runtime: DashboardRuntime<Env>): void {
  const { host, base } = runtime;
  host.app.use("*", variantGuard(runtime));

  const app = new Hono<DashboardEnv<Env>>();
  app.use("*", async (c, next) => {
    const { token, setCookie } = csrfToken(c);
    c.set("csrf", token);
    await next();
    applySecurityHeaders(c.res.headers);
    if (setCookie) c.res.headers.append("set-cookie", setCookie);
  });
  importBodyLimits(app, runtime);
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const problem = await csrfProblem(c);
    if (problem) return c.json({ code: "csrf_rejected", message: problem }, 403);
    return next();
  });
  app.get("/assets/dashboard.js", () => asset(DASHBOARD_SCRIPT, "text/javascript; charset=utf-8"));
  app.get("/assets/dashboard.css", () => asset(DASHBOARD_STYLES, "text/css; charset=utf-8"));
  authRoutes(app, runtime);
  app.use("*", async (c, next) => {
    const gate = await adminGate(runtime, c.req.raw, c.env);
    if (!gate.ok) return gate.response;
    c.set("admin", gate.admin);
    return next();
  });
  app.use("*", readOnlyGuard(runtime));
  tableRoutes(app, runtime);
  auditRoutes(app, runtime);
  userRoutes(app, runtime);
  functionRoutes(app, runtime);
  storageRoutes(app, runtime);
  host.app.route(base, app as unknown as Hono<AppEnv<Env>>);
}

/**
 * Requests whose path only becomes the dashboard's after decoding and normalizing: checked like any
 * dashboard request, then an admin is redirected to the canonical URL (nothing is served from a
 * non-canonical spelling).
 */
function variantGuard<Env extends object>(runtime: DashboardRuntime<Env>): MiddlewareHandler<AppEnv<Env>> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const raw = url.pathname;
    if (!/%|\/\/|\/\.|\\/.test(raw)) return next();
    const path = canonicalPath(raw);
    if (!isUnder(path, runtime.base)) return next();
    const gate = await adminGate(runtime, c.req.raw, c.env);
    if (!gate.ok) return gate.response;
    return c.redirect(`${path}${url.search}`, 308);
  };
}

function readOnlyGuard<Env extends object>(
  runtime: DashboardRuntime<Env>,
): MiddlewareHandler<DashboardEnv<Env>> {
  return async (c, next) => {
    if (!runtime.readOnly || c.req.method === "GET" || c.req.method === "HEAD") return next();
    const sub = new URL(c.req.url).pathname.slice(runtime.base.length);
    if (READ_ONLY_ALLOWED.has(sub)) return next();
    return c.json(
      {
        code: "read_only",
        message: `The dashboard is read-only (config.dashboard.readOnly): ${c.req.method} ${sub} was refused`,
      },
      403,
    );
  };
}

function asset(body: string, type: string): Response {
  return new Response(body, {
    headers: { "content-type": type, "cache-control": "public, max-age=300" },
  });
}
