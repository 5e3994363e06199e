import { schema, table, v } from "@appflare/schema";

/**
 * The sample app every docs/ code block is checked against: the schema of docs/schema.md, plus
 * `places` (geoWithin) and `orders` (JSON array conditions) for docs/data-api.md, and `notes` for
 * docs/getting-started.md.
 */
export default schema({
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
    points: v.int(),
    dueAt: v.date(),
    version: v.int().notNull().default(0),
    project: v.one("projects", { onDelete: "cascade" }),
    assignee: v.one("users", { nullable: true, onDelete: "set null" }),
    labels: v.manyToMany("labels"),
  }),
  labels: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull().unique(),
    tasks: v.manyToMany("tasks"),
  }),
  places: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    lat: v.real().notNull(),
    lng: v.real().notNull(),
  }),
  orders: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    items: v
      .array(v.object({ sku: v.string(), qty: v.int() }))
      .notNull()
      .default([]),
    tags: v.array(v.string()).notNull().default([]),
  }),
  notes: table({
    id: v.uuid(),
    text: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    createdAt: v.date().defaultNow(),
    author: v.one("users", { nullable: true, onDelete: "set null" }),
  }),
});
