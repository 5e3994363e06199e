import { describe, expectTypeOf, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import type { RelationKind, RelationNames, RelationNullable, RelationTarget } from "./relations";
import type { PrimaryKeyName, ShapeOf } from "./schemaTables";

const s = schema({
  projects: table({ id: v.uuid(), owner: v.one("users"), tasks: v.many("tasks") }),
  tasks: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    title: v.string().notNull(),
    project: v.one("projects"),
    assignee: v.one("users", { nullable: true, onDelete: "set null" }),
    reviewerId: v.string(),
    reviewer: v.one("users", "reviewerId"),
    approverId: v.string().notNull(),
    approver: v.one("users", { field: "approverId" }),
    parent: v.one("tasks", { nullable: true, relationName: "tree" }),
    subtasks: v.many("tasks", { relationName: "tree" }),
    labels: v.manyToMany("labels"),
  }),
  labels: table({ code: v.string().primaryKey(), tasks: v.manyToMany("tasks") }),
});
type S = typeof s;

describe("relation helpers", () => {
  it("RelationNames lists one, many and manyToMany fields only", () => {
    expectTypeOf<RelationNames<S, "tasks">>().toEqualTypeOf<
      "project" | "assignee" | "reviewer" | "approver" | "parent" | "subtasks" | "labels"
    >();
    expectTypeOf<RelationNames<S, "projects">>().toEqualTypeOf<"owner" | "tasks">();
    expectTypeOf<RelationNames<S, "users">>().toEqualTypeOf<"sessions" | "accounts">();
    expectTypeOf<RelationNames<S, "sessions">>().toEqualTypeOf<"user">();
    expectTypeOf<RelationNames<S, "verifications">>().toEqualTypeOf<never>();
  });

  it("RelationTarget is the target table name", () => {
    expectTypeOf<RelationTarget<S, "tasks", "project">>().toEqualTypeOf<"projects">();
    expectTypeOf<RelationTarget<S, "tasks", "assignee">>().toEqualTypeOf<"users">();
    expectTypeOf<RelationTarget<S, "tasks", "subtasks">>().toEqualTypeOf<"tasks">();
    expectTypeOf<RelationTarget<S, "tasks", "labels">>().toEqualTypeOf<"labels">();
    expectTypeOf<RelationTarget<S, "users", "sessions">>().toEqualTypeOf<"sessions">();
  });

  it("RelationKind and RelationNullable", () => {
    expectTypeOf<RelationKind<S, "tasks", "project">>().toEqualTypeOf<"one">();
    expectTypeOf<RelationKind<S, "projects", "tasks">>().toEqualTypeOf<"many">();
    expectTypeOf<RelationKind<S, "tasks", "labels">>().toEqualTypeOf<"manyToMany">();
    expectTypeOf<RelationNullable<S, "tasks", "assignee">>().toEqualTypeOf<true>();
    expectTypeOf<RelationNullable<S, "tasks", "project">>().toEqualTypeOf<false>();
    expectTypeOf<RelationNullable<S, "tasks", "labels">>().toEqualTypeOf<false>();
    expectTypeOf<RelationNullable<S, "tasks", "reviewer">>().toEqualTypeOf<true>();
    expectTypeOf<RelationNullable<S, "tasks", "approver">>().toEqualTypeOf<false>();
  });

  it("PrimaryKeyName and ShapeOf", () => {
    expectTypeOf<PrimaryKeyName<S, "tasks">>().toEqualTypeOf<"id">();
    expectTypeOf<PrimaryKeyName<S, "labels">>().toEqualTypeOf<"code">();
    expectTypeOf<PrimaryKeyName<S, "users">>().toEqualTypeOf<"id">();
    expectTypeOf<keyof ShapeOf<S, "labels">>().toEqualTypeOf<"code" | "tasks">();
  });

  it("helpers compose for a generic server (no any leaks)", () => {
    type Targets<T extends "tasks" | "projects"> = { [R in RelationNames<S, T>]: RelationTarget<S, T, R> };
    expectTypeOf<Targets<"projects">>().toEqualTypeOf<{ owner: "users"; tasks: "tasks" }>();
    expectTypeOf<RelationTarget<S, "tasks", "project">>().not.toBeAny();
  });
});
