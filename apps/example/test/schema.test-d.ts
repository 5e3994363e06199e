import type { Insert, RelationKind, RelationNames, Row, TableNames } from "@appflare/schema";
import { describe, expectTypeOf, it } from "vitest";
import type example from "../schema";

type S = typeof example;

describe("apps/example/schema.ts types", () => {
  it("lists the app's and the auth tables", () => {
    expectTypeOf<TableNames<S>>().toEqualTypeOf<
      | "projects"
      | "tasks"
      | "members"
      | "labels"
      | "comments"
      | "attachments"
      | "users"
      | "sessions"
      | "accounts"
      | "verifications"
    >();
  });

  it("infers rows", () => {
    expectTypeOf<Row<S, "tasks">>().toEqualTypeOf<{
      id: number;
      title: string;
      description: string | null;
      done: boolean;
      priority: "low" | "medium" | "high" | "urgent";
      estimateHours: number | null;
      dueAt: Date | null;
      checklist: { text: string; done: boolean; doneAt?: Date | null }[];
      createdAt: Date;
      projectId: string;
      assigneeId: string | null;
      parentId: number | null;
    }>();
    expectTypeOf<Row<S, "attachments">["uploaderId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Row<S, "attachments">["metadata"]>().toEqualTypeOf<{
      width?: number;
      height?: number;
      pages?: number;
    } | null>();
    expectTypeOf<Row<S, "comments">["mentions"]>().toEqualTypeOf<("assignee" | "watchers" | "everyone")[]>();
    expectTypeOf<Row<S, "projects">["settings"]>().toEqualTypeOf<{
      color: string;
      public: boolean;
      notifications: { email: boolean; digest?: "daily" | "weekly" | null };
    } | null>();
  });

  it("infers inserts and relations", () => {
    expectTypeOf<{ title: "t"; projectId: "p" }>().toExtend<Insert<S, "tasks">>();
    expectTypeOf<{ body: "b"; taskId: 1 }>().toExtend<Insert<S, "comments">>();
    expectTypeOf<RelationNames<S, "tasks">>().toEqualTypeOf<
      | "project"
      | "assignee"
      | "parent"
      | "subtasks"
      | "labels"
      | "comments"
      | "attachments"
      | "blocks"
      | "blockedBy"
    >();
    expectTypeOf<RelationKind<S, "tasks", "blockedBy">>().toEqualTypeOf<"manyToMany">();
  });
});
