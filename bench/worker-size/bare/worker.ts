// Baseline for `pnpm bench worker-size`: the same kind of Worker written by hand with Hono, Drizzle,
// Zod and Better Auth — what an Appflare app replaces. Tasks list/create routes plus Better Auth.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { Hono } from "hono";
import * as z from "zod";

interface Env {
  DB: D1Database;
  BETTER_AUTH_SECRET: string;
}

const user = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull(),
  image: text("image"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
const session = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  token: text("token").notNull().unique(),
  userId: text("user_id").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
const account = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id").notNull(),
  password: text("password"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
const verification = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});
const tasks = sqliteTable("tasks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  done: integer("done", { mode: "boolean" }).notNull().default(false),
  projectId: text("project_id").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

const auth = (env: Env) =>
  betterAuth({
    secret: env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(drizzle(env.DB), {
      provider: "sqlite",
      schema: { user, session, account, verification },
    }),
    emailAndPassword: { enabled: true },
  });

const listArgs = z.object({
  projectId: z.string(),
  done: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().max(100).default(20),
});
const createArgs = z.object({ projectId: z.string(), title: z.string().min(1).max(200) });

const app = new Hono<{ Bindings: Env }>();
app.on(["GET", "POST"], "/api/auth/*", (c) => auth(c.env).handler(c.req.raw));
app.get("/queries/tasks/list", async (c) => {
  const parsed = listArgs.safeParse(c.req.query());
  if (!parsed.success) return c.json({ code: "invalid_args", issues: parsed.error.issues }, 400);
  const { projectId, done, limit } = parsed.data;
  const where =
    done === undefined
      ? eq(tasks.projectId, projectId)
      : and(eq(tasks.projectId, projectId), eq(tasks.done, done));
  return c.json(
    await drizzle(c.env.DB).select().from(tasks).where(where).orderBy(desc(tasks.createdAt)).limit(limit),
  );
});
app.post("/mutations/tasks/create", async (c) => {
  const parsed = createArgs.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ code: "invalid_args", issues: parsed.error.issues }, 400);
  const rows = await drizzle(c.env.DB)
    .insert(tasks)
    .values({ ...parsed.data, createdAt: new Date() })
    .returning();
  return c.json(rows[0]);
});

export default app;
