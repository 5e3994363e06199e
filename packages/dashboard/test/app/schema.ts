import { schema, table, v } from "@appflare/schema";

/** The dashboard tests' app: a relation to edit with the picker, an enum, JSON, dates and a uuid key. */
export default schema({
  authors: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    email: v.string().unique(),
    posts: v.many("posts"),
  }),
  posts: table({
    id: v.uuid(),
    title: v.string({ length: 80 }).notNull(),
    status: v.enum(["draft", "published"]).notNull().default("draft"),
    meta: v.object({ tags: v.array(v.string()), featured: v.boolean() }),
    score: v.int(),
    publishedAt: v.date(),
    author: v.one("authors"),
    owner: v.one("users", { nullable: true, onDelete: "set null" }),
  }),
});
