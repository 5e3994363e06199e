/**
 * The schema of the FIXTURE_DB binding: one table per need of the read-side tests, so every operator
 * family has a column to run on against real D1.
 *
 * - `owners`: uuid primary key, the `one` target of items (nullable FK) and a `many` back.
 * - `items`: every column type (int, real, string, boolean, date, enum, uuid, enumArray, JSON array
 *   of scalars, JSON array of objects, JSON object, untyped JSON), lat/lng reals for geoWithin, a
 *   self relation (parent/children), a manyToMany to labels, and a `many` to notes.
 * - `labels`: the other side of items ↔ labels (junction `itemsLabelsLinks`).
 * - `notes`: a `many` child with a NOT NULL FK, used for nested `with` and relation aggregates.
 */
import { schema, table, v } from "@appflare/schema";

export default schema({
  owners: table({
    id: v.uuid(),
    name: v.string().notNull(),
    rank: v.int(),
    items: v.many("items"),
  }),
  items: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string(),
    code: v.uuid({ primaryKey: false }),
    status: v.enum(["active", "archived", "draft"]),
    count: v.int(),
    score: v.real(),
    active: v.boolean(),
    dueAt: v.date(),
    flags: v.enumArray(["red", "green", "blue"]),
    tags: v.array(v.string()),
    lines: v.array(v.object({ sku: v.string(), qty: v.int(), price: v.real(), fragile: v.boolean() })),
    settings: v.object({ color: v.string(), public: v.boolean() }),
    meta: v.json(),
    lat: v.real(),
    lng: v.real(),
    owner: v.one("owners", { nullable: true, onDelete: "set null" }),
    parent: v.one("items", { nullable: true, onDelete: "set null", relationName: "children" }),
    children: v.many("items", { relationName: "children" }),
    labels: v.manyToMany("labels"),
    notes: v.many("notes"),
  }),
  labels: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    weight: v.real(),
    items: v.manyToMany("items"),
  }),
  notes: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    body: v.string().notNull(),
    stars: v.int().notNull().default(0),
    pinned: v.boolean().notNull().default(false),
    writtenAt: v.date(),
    item: v.one("items", { onDelete: "cascade" }),
  }),
});
