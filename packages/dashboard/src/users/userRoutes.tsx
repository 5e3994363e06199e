import { NotFoundError } from "@appflare/server";
import type { Hono } from "hono";
import type { AuditAction } from "../audit/AuditEntry";
import { type AuthApi, authApi } from "../http/authApi";
import { callAuthRoute } from "../http/callAuthRoute";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { errorMessage } from "../http/errorMessage";
import { pageFrame } from "../http/pageFrame";
import { writeCall } from "../http/writeCall";
import { rowSnapshot } from "../tables/rowSnapshot";
import { auditFor, withTable } from "../tables/rowWrites";
import { UsersPage } from "../views/UsersPage";
import { authApiError } from "./authApiError";

type Status = 200 | 400 | 403 | 404 | 409 | 413;

/**
 * The Users area, all through Better Auth's admin API with the admin's own session (so Better Auth
 * applies its permission checks too): list/search, create, set role, ban/unban, revoke sessions,
 * delete. Each change is recorded in the audit log (before/after of the user's public columns).
 */
export function userRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const api = (c: DashboardContext<Env>): AuthApi => {
    const found = authApi(runtime, c.env);
    if (!found)
      throw new NotFoundError("Auth is disabled in this app's config (auth.enabled): there are no users");
    return found;
  };

  const findUsers = async (c: DashboardContext<Env>, q: string, limit: number) => {
    const query: Record<string, unknown> = { limit, sortBy: "createdAt", sortDirection: "desc" };
    if (q)
      Object.assign(query, {
        searchValue: q,
        searchField: q.includes("@") ? "email" : "name",
        searchOperator: "contains",
      });
    const result = await api(c).listUsers({ query, headers: c.req.raw.headers }).catch(authApiError);
    if (q && result.users.length === 0) {
      // Not a name or email: maybe an id (relation links point here with the user's id).
      const byId = await api(c)
        .listUsers({
          query: { limit: 1, filterField: "id", filterValue: q, filterOperator: "eq" },
          headers: c.req.raw.headers,
        })
        .catch(authApiError);
      return byId;
    }
    return result;
  };

  const render = async (c: DashboardContext<Env>, error?: string, status: Status = 200) => {
    const q = (c.req.query("q") ?? "").trim();
    const { users, total } = await findUsers(c, q, 100);
    return c.html(
      <UsersPage frame={pageFrame(c, runtime, "Users")} users={users} total={total} q={q} error={error} />,
      status,
    );
  };

  app.get("/users", (c) => render(c));

  app.get("/users/options", async (c) => {
    const { users } = await findUsers(c, (c.req.query("q") ?? "").slice(0, 40), 20);
    return c.json(users.map((u) => ({ value: u.id, label: `${u.name} <${u.email}> (${u.id})` })));
  });

  /** Runs one admin-API change on user `id` and records the user's public columns before/after it. */
  const change = async (
    c: DashboardContext<Env>,
    id: string | null,
    action: AuditAction,
    run: () => Promise<unknown>,
  ) => {
    const users = runtime.model.tables.users;
    const call = writeCall(c, runtime);
    const snapshot = async (userId: string | null) => {
      if (!users || userId === null) return null;
      const row = await withTable(call, users, (t) => t.findFirst({ where: { id: userId } }));
      return row ? rowSnapshot(row) : null;
    };
    try {
      const before = await snapshot(id);
      if (id !== null && !before) throw new NotFoundError(`No user with id ${id}`);
      const result = (await run()) as { user?: { id?: string } } | undefined;
      const userId = id ?? result?.user?.id ?? null;
      const after = action === "delete" ? null : await snapshot(userId);
      const admin = call.admin.user as { id: string; email?: string | null };
      await auditFor(call).record({
        actorId: admin.id,
        actorEmail: admin.email ?? null,
        action,
        table: "users",
        rowKey: userId ?? "",
        before,
        after,
        undoOf: null,
      });
    } catch (error) {
      const { status, message } = errorMessage(error);
      return render(c, message, status);
    }
    return c.redirect(
      `${runtime.base}/users${c.req.query("q") ? `?q=${encodeURIComponent(c.req.query("q") ?? "")}` : ""}`,
      303,
    );
  };

  const form = async (c: DashboardContext<Env>) => {
    const body = await c.req.parseBody();
    return (name: string) => (typeof body[name] === "string" ? (body[name] as string).trim() : "");
  };

  app.post("/users", async (c) => {
    const field = await form(c);
    const body = {
      name: field("name"),
      email: field("email"),
      password: field("password"),
      role: field("role") || "user",
    };
    if (!body.name || !body.email || !body.password) {
      return render(c, "Name, email and password are required to create a user", 400);
    }
    return change(c, null, "insert", async () =>
      (await callAuthRoute(c, runtime, "/admin/create-user", body)).json(),
    );
  });

  app.post("/users/:id/role", async (c) => {
    const role = (await form(c))("role");
    if (!role) return render(c, "Role must not be empty (use user or admin)", 400);
    const userId = c.req.param("id");
    return change(c, userId, "update", () => callAuthRoute(c, runtime, "/admin/set-role", { userId, role }));
  });

  app.post("/users/:id/ban", async (c) => {
    const field = await form(c);
    const days = field("days");
    if (days && !/^\d+(\.\d+)?$/.test(days))
      return render(c, `Ban days must be a number, got "${days}"`, 400);
    const userId = c.req.param("id");
    const body = {
      userId,
      ...(field("reason") ? { banReason: field("reason") } : {}),
      ...(days ? { banExpiresIn: Math.round(Number(days) * 86_400) } : {}),
    };
    return change(c, userId, "update", () => callAuthRoute(c, runtime, "/admin/ban-user", body));
  });

  app.post("/users/:id/unban", (c) => {
    const userId = c.req.param("id");
    return change(c, userId, "update", () => callAuthRoute(c, runtime, "/admin/unban-user", { userId }));
  });

  app.post("/users/:id/revoke", (c) => {
    const userId = c.req.param("id");
    return change(c, userId, "update", () =>
      callAuthRoute(c, runtime, "/admin/revoke-user-sessions", { userId }),
    );
  });

  app.post("/users/:id/delete", (c) => {
    const userId = c.req.param("id");
    if (userId === c.get("admin").user.id) {
      return render(c, "You cannot delete your own account from the dashboard", 400);
    }
    return change(c, userId, "delete", () => callAuthRoute(c, runtime, "/admin/remove-user", { userId }));
  });
}
