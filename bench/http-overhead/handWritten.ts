// The baseline: the same two endpoints as a developer writes them by hand with Hono, Drizzle, Zod and
// Better Auth (bearer plugin, Drizzle adapter), with the session looked up on every request.

import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { betterAuth } from "better-auth/minimal";
import { bearer } from "better-auth/plugins/bearer";
import { and, asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { Hono } from "hono";
import * as z from "zod";
import { accounts, sessions, tasks, users, verifications } from "../support/drizzleBoard";
import { type BenchEnv, ORIGIN, passwordHasher, SECRET } from "./benchEnv";

const ListArgs = z.object({ projectId: z.string(), limit: z.number().int().max(100).default(20) });
const CreateArgs = z.object({ projectId: z.string(), title: z.string().min(1).max(200) });

const authByEnv = new WeakMap<object, ReturnType<typeof makeAuth>>();

function makeAuth(env: BenchEnv) {
  return betterAuth({
    baseURL: ORIGIN,
    secret: SECRET,
    trustedOrigins: [ORIGIN],
    database: drizzleAdapter(drizzle(env.DB), {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, password: passwordHasher },
    plugins: [bearer()],
  });
}

const authFor = (env: BenchEnv) => {
  const cached = authByEnv.get(env);
  if (cached) return cached;
  const auth = makeAuth(env);
  authByEnv.set(env, auth);
  return auth;
};

/** `noop` variants parse the args and look up the session, then answer without touching the tables. */
export function handWritten(withDb: boolean) {
  const app = new Hono<{ Bindings: BenchEnv }>();
  app.get("/queries/tasks/list", async (c) => {
    const session = await authFor(c.env).api.getSession({ headers: c.req.raw.headers });
    const parsed = ListArgs.safeParse(JSON.parse(c.req.query("args") ?? "{}"));
    if (!parsed.success) return c.json({ code: "invalid_args", issues: parsed.error.issues }, 400);
    if (!withDb) return c.json({ user: session?.user.id ?? null, rows: [] });
    const rows = await drizzle(c.env.DB)
      .select()
      .from(tasks)
      .where(and(eq(tasks.projectId, parsed.data.projectId), eq(tasks.done, false)))
      .orderBy(asc(tasks.id))
      .limit(parsed.data.limit);
    return c.json(rows);
  });
  app.post("/mutations/tasks/create", async (c) => {
    const session = await authFor(c.env).api.getSession({ headers: c.req.raw.headers });
    const parsed = CreateArgs.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ code: "invalid_args", issues: parsed.error.issues }, 400);
    if (!withDb) return c.json({ user: session?.user.id ?? null });
    const [row] = await drizzle(c.env.DB)
      .insert(tasks)
      .values({ projectId: parsed.data.projectId, title: parsed.data.title, createdAt: new Date() })
      .returning();
    return c.json(row);
  });
  return app;
}
