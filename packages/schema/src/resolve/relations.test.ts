import { describe, expect, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import { apiExample } from "./apiExample";

describe("schema(): relations", () => {
  it("infers v.one FKs at the relation's position, typed like the target key", () => {
    const s = apiExample();
    const tasks = s.model.tables.tasks;
    expect(Object.keys(tasks?.columns ?? {})).toEqual(["id", "title", "done", "projectId", "assigneeId"]);
    expect(tasks?.columns.projectId).toMatchObject({
      type: "string",
      sqlName: "project_id",
      notNull: true,
      relation: "project",
      references: { table: "projects", column: "id", onDelete: "cascade" },
    });
    expect(tasks?.columns.assigneeId).toMatchObject({
      notNull: false,
      references: { table: "users", column: "id", onDelete: "set null" },
    });
    expect(s.model.tables.projects?.columns.ownerId).toMatchObject({ type: "string", notNull: true });
    expect(tasks?.relations.project).toEqual({
      name: "project",
      kind: "one",
      source: "tasks",
      target: "projects",
      sourceField: "projectId",
      targetField: "id",
      nullable: false,
      inverse: "tasks",
    });
    expect(tasks?.relations.assignee).toMatchObject({ nullable: true });
    expect(tasks?.relations.assignee?.inverse).toBeUndefined();
  });

  it("pairs v.many with the target's v.one", () => {
    const projects = apiExample().model.tables.projects;
    expect(projects?.relations.tasks).toEqual({
      name: "tasks",
      kind: "many",
      source: "projects",
      target: "tasks",
      sourceField: "id",
      targetField: "projectId",
      nullable: false,
      inverse: "project",
    });
  });

  it("synthesizes the FK of a v.many without a matching v.one on the target", () => {
    const s = schema({
      categories: table({ id: v.int().primaryKey(), items: v.many("items") }),
      items: table({ id: v.uuid(), name: v.string() }),
    });
    const items = s.model.tables.items;
    expect(Object.keys(items?.columns ?? {})).toEqual(["id", "name", "categoryId"]);
    expect(items?.columns.categoryId).toMatchObject({
      type: "int",
      notNull: true,
      references: { table: "categories", column: "id" },
    });
    expect(items?.columns.categoryId?.relation).toBeUndefined();
    expect(s.model.tables.categories?.relations.items).toMatchObject({
      kind: "many",
      sourceField: "id",
      targetField: "categoryId",
    });
  });

  it("uses v.many's field, nullable and actions when synthesizing", () => {
    const s = schema({
      folders: table({
        id: v.uuid(),
        files: v.many("files", { field: "parentId", nullable: true, onDelete: "set null" }),
      }),
      files: table({ id: v.uuid() }),
    });
    expect(s.model.tables.files?.columns.parentId).toMatchObject({
      notNull: false,
      references: { table: "folders", column: "id", onDelete: "set null" },
    });
  });

  it("reuses a declared FK column", () => {
    const s = schema({
      projects: table({ id: v.string().primaryKey(), tasks: v.many("tasks") }),
      tasks: table({ id: v.uuid(), projectId: v.string().notNull(), project: v.one("projects") }),
    });
    const tasks = s.model.tables.tasks;
    expect(Object.keys(tasks?.columns ?? {})).toEqual(["id", "projectId"]);
    expect(tasks?.columns.projectId).toMatchObject({
      relation: "project",
      references: { table: "projects" },
    });
    expect(s.model.tables.projects?.relations.tasks?.targetField).toBe("projectId");
  });

  it("pairs self relations by relationName", () => {
    const s = schema({
      tasks: table({
        id: v.uuid(),
        parent: v.one("tasks", { nullable: true, relationName: "tree" }),
        subtasks: v.many("tasks", { relationName: "tree" }),
      }),
    });
    const tasks = s.model.tables.tasks;
    expect(tasks?.columns.parentId).toMatchObject({
      notNull: false,
      references: { table: "tasks", column: "id" },
    });
    expect(tasks?.relations.parent).toMatchObject({ inverse: "subtasks", relationName: "tree" });
    expect(tasks?.relations.subtasks).toMatchObject({
      kind: "many",
      sourceField: "id",
      targetField: "parentId",
      inverse: "parent",
      relationName: "tree",
    });
  });

  it("pairs several relations between the same tables by relationName or field", () => {
    const s = schema({
      people: table({
        id: v.uuid(),
        authored: v.many("posts", { relationName: "author" }),
        reviewed: v.many("posts", "reviewerId"),
      }),
      posts: table({
        id: v.uuid(),
        author: v.one("people", { relationName: "author" }),
        reviewer: v.one("people", { nullable: true }),
      }),
    });
    expect(s.model.tables.people?.relations.authored?.targetField).toBe("authorId");
    expect(s.model.tables.people?.relations.reviewed?.targetField).toBe("reviewerId");
    expect(s.model.tables.posts?.relations.reviewer?.inverse).toBe("reviewed");
  });

  it("supports one(...) with a custom field and referenceField", () => {
    const s = schema({
      accountsPlans: table({ id: v.uuid(), code: v.string().notNull().unique() }),
      subscriptions: table({
        id: v.uuid(),
        plan: v.one("accountsPlans", {
          field: "planCode",
          referenceField: "code",
          unique: true,
          index: "sub_plan",
        }),
      }),
    });
    const column = s.model.tables.subscriptions?.columns.planCode;
    expect(column).toMatchObject({
      type: "string",
      sqlName: "plan_code",
      unique: "subscriptions_plan_code_unique",
      index: "sub_plan",
      references: { table: "accountsPlans", column: "code" },
    });
    expect(s.model.tables.accountsPlans?.sqlName).toBe("accounts_plans");
  });

  it("indexes inferred FKs by default, except when unique, leading a table index, or opted out", () => {
    const s = schema({
      teams: table({ id: v.uuid(), members: v.many("members") }),
      members: table(
        {
          id: v.uuid(),
          team: v.one("teams"),
          mentor: v.one("members", { nullable: true, index: false }),
          badge: v.one("badges", { unique: true }),
          desk: v.one("desks", { index: "member_desk" }),
          room: v.one("rooms"),
        },
        { indexes: [{ columns: ["roomId", "teamId"] }] },
      ),
      badges: table({ id: v.uuid() }),
      desks: table({ id: v.uuid() }),
      rooms: table({ id: v.uuid() }),
      notes: table({ id: v.uuid() }),
      folders: table({ id: v.uuid(), notes: v.many("notes") }),
    });
    const columns = s.model.tables.members?.columns;
    expect(columns?.teamId?.index).toBe("members_team_id_idx");
    expect(columns?.mentorId?.index).toBe(false);
    expect(columns?.badgeId).toMatchObject({ index: false, unique: "members_badge_id_unique" });
    expect(columns?.deskId?.index).toBe("member_desk");
    expect(columns?.roomId?.index).toBe(false);
    // A FK synthesized by v.many (no v.one on the target) is indexed too.
    expect(s.model.tables.notes?.columns.folderId?.index).toBe("notes_folder_id_idx");
  });

  it("synthesizes manyToMany junction tables declared on both sides", () => {
    const s = apiExample();
    const junction = s.model.tables.labelsTasksLinks;
    expect(junction).toMatchObject({
      sqlName: "labels_tasks_links",
      primaryKey: "labelId",
      compositeKey: ["labelId", "taskId"],
    });
    expect(Object.keys(junction?.columns ?? {})).toEqual(["labelId", "taskId"]);
    expect(junction?.columns.labelId).toMatchObject({
      type: "int",
      notNull: true,
      primaryKey: true,
      references: { table: "labels", column: "id", onDelete: "cascade" },
    });
    expect(junction?.columns.taskId?.index).toBe("labels_tasks_links_task_id_idx");
    expect(Object.keys(junction?.relations ?? {})).toEqual(["label", "task"]);
    expect(s.model.tables.tasks?.relations.labels).toEqual({
      name: "labels",
      kind: "manyToMany",
      source: "tasks",
      target: "labels",
      sourceField: "id",
      targetField: "id",
      nullable: false,
      junction: { table: "labelsTasksLinks", sourceField: "taskId", targetField: "labelId" },
      inverse: "tasks",
    });
    expect(s.model.tables.labels?.relations.tasks?.junction).toEqual({
      table: "labelsTasksLinks",
      sourceField: "labelId",
      targetField: "taskId",
    });
  });

  it("supports one-sided, custom and self manyToMany", () => {
    const s = schema({
      users2: table({
        id: v.uuid(),
        groups: v.manyToMany("groups", { junctionTable: "memberships", onDelete: "restrict" }),
      }),
      groups: table({ id: v.int().primaryKey() }),
      tasks: table({
        id: v.uuid(),
        related: v.manyToMany("tasks"),
        blocks: v.manyToMany("tasks", {
          junctionTable: "deps",
          sourceField: "blockerId",
          targetField: "blockedId",
        }),
        blockedBy: v.manyToMany("tasks", { junctionTable: "deps" }),
        watchers: v.manyToMany("users"),
      }),
    });
    expect(s.model.tables.memberships?.columns.users2Id?.references?.onDelete).toBe("restrict");
    expect(Object.keys(s.model.tables.memberships?.columns ?? {})).toEqual(["groupId", "users2Id"]);
    expect(s.model.tables.users2?.relations.groups?.inverse).toBeUndefined();
    const self = s.model.tables.tasksTasksLinks;
    expect(Object.keys(self?.columns ?? {})).toEqual(["sourceTaskId", "targetTaskId"]);
    expect(s.model.tables.tasks?.relations.related?.junction).toEqual({
      table: "tasksTasksLinks",
      sourceField: "sourceTaskId",
      targetField: "targetTaskId",
    });
    expect(s.model.tables.tasks?.relations.blocks).toMatchObject({
      junction: { table: "deps", sourceField: "blockerId", targetField: "blockedId" },
      inverse: "blockedBy",
    });
    expect(s.model.tables.tasks?.relations.blockedBy).toMatchObject({
      junction: { table: "deps", sourceField: "blockedId", targetField: "blockerId" },
      inverse: "blocks",
    });
    expect(s.model.tables.tasksUsersLinks?.columns.userId).toMatchObject({ type: "string" });
  });
});
