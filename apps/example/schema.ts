import { schema, table, v } from "@appflare/schema";

/** Shared by projects (their default) and tasks: a reusable, named enum. */
const Priority = v.defineEnum("priority", ["low", "medium", "high", "urgent"]);

export default schema({
  projects: table(
    {
      id: v.uuid(),
      name: v.string({ length: 120 }).notNull(),
      slug: v.string().notNull().unique(),
      status: v.enum(["active", "archived"]).notNull().default("active"),
      defaultPriority: Priority.column().notNull().default("medium"),
      tags: v.array(v.string()).notNull().default([]),
      settings: v.object({
        color: v.string(),
        public: v.boolean(),
        notifications: v.object({ email: v.boolean(), digest: v.enum(["daily", "weekly"]).nullable() }),
      }),
      budget: v.real(),
      createdAt: v.date().notNull().defaultNow(),
      owner: v.one("users", { onDelete: "cascade" }),
      members: v.many("members"),
      tasks: v.many("tasks"),
      labels: v.many("labels"),
    },
    {
      indexes: [{ columns: ["status", "createdAt"] }],
      checks: [{ name: "projects_budget_non_negative", sql: "budget IS NULL OR budget >= 0" }],
    },
  ),
  tasks: table(
    {
      id: v.int().primaryKey({ autoIncrement: true }),
      title: v.string().notNull(),
      description: v.string(),
      done: v.boolean().notNull().default(false),
      priority: Priority.column().notNull().default("medium"),
      estimateHours: v.real(),
      dueAt: v.date().index(),
      checklist: v
        .array(v.object({ text: v.string(), done: v.boolean(), doneAt: v.date().nullable() }))
        .notNull()
        .default([]),
      createdAt: v.date().notNull().defaultNow(),
      project: v.one("projects", { onDelete: "cascade" }),
      assignee: v.one("users", { nullable: true, onDelete: "set null" }),
      parent: v.one("tasks", { nullable: true, onDelete: "cascade", relationName: "subtasks" }),
      subtasks: v.many("tasks", { relationName: "subtasks" }),
      labels: v.manyToMany("labels"),
      comments: v.many("comments"),
      attachments: v.many("attachments"),
      blocks: v.manyToMany("tasks", {
        junctionTable: "taskDependencies",
        sourceField: "blockerId",
        targetField: "blockedId",
      }),
      blockedBy: v.manyToMany("tasks", { junctionTable: "taskDependencies" }),
    },
    {
      indexes: [{ columns: ["projectId", "done"] }],
      checks: [{ name: "tasks_estimate_non_negative", sql: "estimate_hours IS NULL OR estimate_hours >= 0" }],
    },
  ),
  /**
   * Who may see and edit a project: its owner (a row with role "owner", written with the project) and
   * the members the owner added. Every handler checks this table (src/access.ts).
   */
  members: table(
    {
      id: v.uuid(),
      role: v.enum(["owner", "member"]).notNull().default("member"),
      addedAt: v.date().notNull().defaultNow(),
      project: v.one("projects", { onDelete: "cascade" }),
      user: v.one("users", { onDelete: "cascade" }),
    },
    // Serves "is this user a member of this project" and, led by projectId, lookups by project.
    { indexes: [{ columns: ["projectId", "userId"], unique: true }] },
  ),
  labels: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    // Unique across the app, not per project: the server's test suite uses this schema as its fixture.
    name: v.string().notNull().unique(),
    color: v.string().notNull().default("#888888"),
    // Nullable for the same reason; every label the example's handlers create belongs to a project.
    project: v.one("projects", { nullable: true, onDelete: "cascade" }),
    tasks: v.manyToMany("tasks"),
  }),
  comments: table({
    id: v.uuid(),
    body: v.string().notNull(),
    mentions: v.enumArray(["assignee", "watchers", "everyone"]).notNull().default([]),
    createdAt: v.date().notNull().defaultNow(),
    task: v.one("tasks", { onDelete: "cascade", index: true }),
    author: v.one("users", { nullable: true, onDelete: "set null" }),
  }),
  attachments: table({
    id: v.uuid(),
    path: v.string().notNull().unique(),
    size: v.int().notNull(),
    contentType: v.string(),
    metadata: v.json<{ width?: number; height?: number; pages?: number }>(),
    uploadedAt: v.date().notNull().defaultNow(),
    task: v.one("tasks", { onDelete: "cascade" }),
    uploadedBy: v.one("users", { field: "uploaderId", nullable: true, onDelete: "set null" }),
  }),
});
