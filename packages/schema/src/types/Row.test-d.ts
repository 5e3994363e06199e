import { describe, expectTypeOf, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import type { ColumnNames, Insert, Row, Update } from "./Row";
import type { TableNames } from "./schemaTables";

const Priority = v.defineEnum("priority", ["low", "high"]);

const s = schema({
  projects: table({
    id: v.uuid(),
    name: v.string().notNull(),
    status: v.enum(["active", "archived"]).notNull().default("active"),
    tags: v.array(v.string()),
    settings: v.object({ color: v.string(), public: v.boolean(), note: v.string().nullable() }),
    nested: v
      .array(
        v.object({
          sku: v.string(),
          qty: v.int(),
          at: v.date(),
          extra: v.array(v.enum(["x", "y"])).nullable(),
        }),
      )
      .notNull(),
    roles: v.enumArray(["reader", "writer"]),
    meta: v.json<{ source: string }>(),
    raw: v.json(),
    budget: v.real(),
    createdAt: v.date().defaultNow(),
    archived: v.boolean().default(false),
    code: v.string().defaultFn(() => "x"),
    owner: v.one("users"),
    tasks: v.many("tasks"),
  }),
  tasks: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    title: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    priority: Priority.column().notNull(),
    dueAt: v.date(),
    project: v.one("projects", { onDelete: "cascade" }),
    assignee: v.one("users", { nullable: true, onDelete: "set null" }),
    parent: v.one("tasks", { nullable: true, relationName: "tree" }),
    subtasks: v.many("tasks", { relationName: "tree" }),
    labels: v.manyToMany("labels"),
    notes: v.many("notes"),
    files: v.many("files", { field: "ownerTaskId", nullable: true }),
  }),
  labels: table({ id: v.int().primaryKey(), name: v.string().notNull(), tasks: v.manyToMany("tasks") }),
  notes: table({ id: v.uuid(), body: v.string() }),
  files: table({ id: v.uuid({ primaryKey: false }), key: v.string().primaryKey() }),
  plans: table({ id: v.uuid(), code: v.string().notNull().unique() }),
  subscriptions: table({
    id: v.uuid(),
    plan: v.one("plans", { referenceField: "code" }),
    customerId: v.string().notNull(),
    customer: v.one("users", "customerId"),
  }),
});
type S = typeof s;

describe("Row", () => {
  it("types every column by the nullability rule", () => {
    expectTypeOf<Row<S, "projects">>().toEqualTypeOf<{
      id: string;
      name: string;
      status: "active" | "archived";
      tags: string[] | null;
      settings: { color: string; public: boolean; note?: string | null } | null;
      nested: { sku: string; qty: number; at: Date; extra?: ("x" | "y")[] | null }[];
      roles: ("reader" | "writer")[] | null;
      meta: { source: string } | null;
      raw: unknown;
      budget: number | null;
      createdAt: Date;
      archived: boolean;
      code: string;
      ownerId: string;
    }>();
  });

  it("types inferred FKs from the target key; relation fields are not columns", () => {
    expectTypeOf<Row<S, "tasks">>().toEqualTypeOf<{
      id: number;
      title: string;
      done: boolean;
      priority: "low" | "high";
      dueAt: Date | null;
      projectId: string;
      assigneeId: string | null;
      parentId: number | null;
    }>();
    expectTypeOf<Row<S, "tasks">>().not.toHaveProperty("project");
    expectTypeOf<Row<S, "tasks">>().not.toHaveProperty("labels");
    expectTypeOf<Row<S, "projects">>().not.toHaveProperty("tasks");
  });

  it("adds FKs that a v.many synthesizes on its target", () => {
    expectTypeOf<Row<S, "notes">>().toEqualTypeOf<{ id: string; body: string | null; taskId: number }>();
    expectTypeOf<Row<S, "files">>().toEqualTypeOf<{
      id: string | null;
      key: string;
      ownerTaskId: number | null;
    }>();
    expectTypeOf<Row<S, "labels">>().toEqualTypeOf<{ id: number; name: string }>();
  });

  it("follows referenceField and declared FK columns", () => {
    expectTypeOf<Row<S, "subscriptions">>().toEqualTypeOf<{
      id: string;
      planId: string;
      customerId: string;
    }>();
  });

  it("covers the auth tables", () => {
    expectTypeOf<TableNames<S>>().toEqualTypeOf<
      | "projects"
      | "tasks"
      | "labels"
      | "notes"
      | "files"
      | "plans"
      | "subscriptions"
      | "users"
      | "sessions"
      | "accounts"
      | "verifications"
    >();
    expectTypeOf<Row<S, "users">>().toEqualTypeOf<{
      id: string;
      name: string;
      email: string;
      emailVerified: boolean;
      image: string | null;
      createdAt: Date;
      updatedAt: Date;
      role: string | null;
      banned: boolean;
      banReason: string | null;
      banExpires: Date | null;
    }>();
    expectTypeOf<Row<S, "sessions">["userId"]>().toEqualTypeOf<string>();
    expectTypeOf<Row<S, "accounts">["accessTokenExpiresAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<Row<S, "verifications">["expiresAt"]>().toEqualTypeOf<Date>();
  });
});

describe("Insert", () => {
  it("is optional where key, nullable, auto-increment or defaulted; required otherwise", () => {
    expectTypeOf<Insert<S, "tasks">>().toEqualTypeOf<{
      title: string;
      priority: "low" | "high";
      projectId: string;
      id?: number;
      done?: boolean;
      dueAt?: Date | null;
      assigneeId?: string | null;
      parentId?: number | null;
    }>();
    expectTypeOf<Insert<S, "projects">>().toEqualTypeOf<{
      name: string;
      status?: "active" | "archived";
      nested: { sku: string; qty: number; at: Date; extra?: ("x" | "y")[] | null }[];
      ownerId: string;
      id?: string;
      tags?: string[] | null;
      settings?: { color: string; public: boolean; note?: string | null } | null;
      roles?: ("reader" | "writer")[] | null;
      meta?: { source: string } | null;
      raw?: unknown;
      budget?: number | null;
      createdAt?: Date;
      archived?: boolean;
      code?: string;
    }>();
  });

  it("keeps every primary key optional and FKs to auth tables required", () => {
    expectTypeOf<Insert<S, "users">>().toHaveProperty("email").toEqualTypeOf<string>();
    expectTypeOf<{ name: string; email: string }>().toExtend<Insert<S, "users">>();
    expectTypeOf<{ id: string; expiresAt: Date; token: string }>().not.toExtend<Insert<S, "sessions">>();
    expectTypeOf<{ expiresAt: Date; token: string; userId: string }>().toExtend<Insert<S, "sessions">>();
    expectTypeOf<{ key: string; ownerTaskId: null }>().toExtend<Insert<S, "files">>();
    expectTypeOf<{ body: null; taskId: 1 }>().toExtend<Insert<S, "notes">>();
    expectTypeOf<{ body: "b" }>().not.toExtend<Insert<S, "notes">>();
  });

  it("rejects null on defaulted columns and wrong value types", () => {
    expectTypeOf<{ title: "t"; priority: "low"; projectId: "p"; done: null }>().not.toExtend<
      Insert<S, "tasks">
    >();
    expectTypeOf<{ title: "t"; priority: "mid"; projectId: "p" }>().not.toExtend<Insert<S, "tasks">>();
    expectTypeOf<{ title: "t"; priority: "low"; projectId: 1 }>().not.toExtend<Insert<S, "tasks">>();
  });
});

describe("Update and ColumnNames", () => {
  it("Update is Partial<Insert>", () => {
    expectTypeOf<Update<S, "tasks">>().toEqualTypeOf<Partial<Insert<S, "tasks">>>();
    expectTypeOf<{}>().toExtend<Update<S, "tasks">>();
  });

  it("ColumnNames are the keys of Row", () => {
    expectTypeOf<ColumnNames<S, "tasks">>().toEqualTypeOf<
      "id" | "title" | "done" | "priority" | "dueAt" | "projectId" | "assigneeId" | "parentId"
    >();
    expectTypeOf<ColumnNames<S, "notes">>().toEqualTypeOf<"id" | "body" | "taskId">();
  });
});
