import { relations } from "drizzle-orm";
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The board tables as a Drizzle user writes them by hand, for the Drizzle baselines (typed relational
 * queries and the hand-written Hono endpoints). Same SQL tables and columns as the compiled board schema
 * the benchmarks migrate with, so both sides read and write the same rows.
 */
export const projects = sqliteTable("projects", {
  id: text("id").primaryKey(),
  name: text("name", { length: 120 }).notNull(),
  slug: text("slug").notNull().unique(),
  status: text("status", { enum: ["active", "archived"] })
    .notNull()
    .default("active"),
  defaultPriority: text("default_priority").notNull().default("medium"),
  tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
  settings: text("settings", { mode: "json" }),
  budget: real("budget"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  ownerId: text("owner_id").notNull(),
});

export const tasks = sqliteTable("tasks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  description: text("description"),
  done: integer("done", { mode: "boolean" }).notNull().default(false),
  priority: text("priority").notNull().default("medium"),
  estimateHours: real("estimate_hours"),
  dueAt: integer("due_at", { mode: "timestamp_ms" }),
  checklist: text("checklist", { mode: "json" }).notNull().default([]),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  projectId: text("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  assigneeId: text("assignee_id"),
  parentId: integer("parent_id"),
});

export const labels = sqliteTable("labels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  color: text("color").notNull().default("#888888"),
});

export const labelsTasksLinks = sqliteTable(
  "labels_tasks_links",
  {
    labelId: integer("label_id").notNull(),
    taskId: integer("task_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.labelId, t.taskId] })],
);

export const projectsRelations = relations(projects, ({ many }) => ({ tasks: many(tasks) }));
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
  labels: many(labelsTasksLinks),
}));
export const labelsRelations = relations(labels, ({ many }) => ({ tasks: many(labelsTasksLinks) }));
export const labelsTasksLinksRelations = relations(labelsTasksLinks, ({ one }) => ({
  label: one(labels, { fields: [labelsTasksLinks.labelId], references: [labels.id] }),
  task: one(tasks, { fields: [labelsTasksLinks.taskId], references: [tasks.id] }),
}));

/** Everything `drizzle(db, { schema })` needs for `db.query.*`. */
export const drizzleBoard = {
  projects,
  tasks,
  labels,
  labelsTasksLinks,
  projectsRelations,
  tasksRelations,
  labelsRelations,
  labelsTasksLinksRelations,
};

/** Better Auth's tables under the names and columns Appflare migrates, for the hand-written baseline. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
export const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  token: text("token").notNull().unique(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  userId: text("user_id").notNull(),
});
export const accounts = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id").notNull(),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
  refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
  scope: text("scope"),
  password: text("password"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});
