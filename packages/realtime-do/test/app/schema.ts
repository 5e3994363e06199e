/**
 * The realtime tests' schema: projects owned by users, tasks in projects (a `one` with a NOT NULL FK,
 * a nullable `one` to users), and labels linked to tasks (manyToMany), so reads, relation loads and
 * relation filters all reach more than one table.
 */
import { schema, table, v } from "@appflare/schema";

export default schema({
  projects: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    public: v.boolean().notNull().default(true),
    owner: v.one("users", { nullable: true, onDelete: "set null" }),
    tasks: v.many("tasks"),
  }),
  tasks: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    title: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    priority: v.int().notNull().default(0),
    project: v.one("projects", { onDelete: "cascade" }),
    assignee: v.one("users", { nullable: true, onDelete: "set null" }),
    labels: v.manyToMany("labels"),
  }),
  labels: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    tasks: v.manyToMany("tasks"),
  }),
});
