import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";

/** The example schema of docs/schema.md, used by several tests. */
export const apiExample = () =>
  schema({
    projects: table(
      {
        id: v.uuid(),
        name: v.string().notNull(),
        slug: v.string().notNull().unique(),
        status: v.enum(["active", "archived"]).notNull().default("active"),
        tags: v.array(v.string()),
        settings: v.object({ color: v.string(), public: v.boolean() }),
        budget: v.real(),
        createdAt: v.date().defaultNow(),
        owner: v.one("users"),
        tasks: v.many("tasks"),
      },
      { indexes: [{ columns: ["status", "createdAt"] }] },
    ),
    tasks: table({
      id: v.int().primaryKey({ autoIncrement: true }),
      title: v.string().notNull(),
      done: v.boolean().notNull().default(false),
      project: v.one("projects", { onDelete: "cascade" }),
      assignee: v.one("users", { nullable: true, onDelete: "set null" }),
      labels: v.manyToMany("labels"),
    }),
    labels: table({
      id: v.int().primaryKey({ autoIncrement: true }),
      name: v.string().notNull().unique(),
      tasks: v.manyToMany("tasks"),
    }),
  });
