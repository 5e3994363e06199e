import { describe, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import { expectSchemaError } from "./expectSchemaError";

describe("SchemaError: relations", () => {
  it("unknown_relation_target: relation to a table that does not exist", () => {
    expectSchemaError(() => schema({ tasks: table({ id: v.uuid(), project: v.one("projectz") }) }), {
      code: "unknown_relation_target",
      table: "tasks",
      field: "project",
      mentions: ['"projectz"'],
      fix: 'use one of "tasks", "users"',
    });
  });

  it("unknown_reference: referenced column that does not exist", () => {
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), owner: v.one("users", { referenceField: "mail" }) }) }),
      {
        code: "unknown_reference",
        table: "tasks",
        field: "owner",
        mentions: ['"mail"'],
        fix: 'use one of "id", "name"',
      },
    );
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), ownerId: v.string().references("users", "mail") }) }),
      { code: "unknown_reference", table: "tasks", field: "ownerId", fix: 'use one of "id"' },
    );
  });

  it("invalid_reference: non-unique target or mismatched types", () => {
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), owner: v.one("users", { referenceField: "name" }) }) }),
      { code: "invalid_reference", table: "tasks", field: "owner", fix: 'add .unique() to "users.name"' },
    );
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), ownerId: v.int(), owner: v.one("users", "ownerId") }) }),
      {
        code: "invalid_reference",
        table: "tasks",
        field: "ownerId",
        mentions: ["int"],
        fix: 'declare "ownerId"',
      },
    );
  });

  it("invalid_relation: options that cannot apply", () => {
    expectSchemaError(
      () =>
        schema({
          tasks: table({
            id: v.uuid(),
            ownerId: v.string(),
            owner: v.one("users", { field: "ownerId", nullable: true }),
          }),
        }),
      {
        code: "invalid_relation",
        table: "tasks",
        field: "owner",
        fix: 'set .notNull()/.unique()/.index() on "ownerId"',
      },
    );
    expectSchemaError(
      () =>
        schema({
          projects: table({ id: v.uuid(), tasks: v.many("tasks", { nullable: true }) }),
          tasks: table({ id: v.uuid(), project: v.one("projects") }),
        }),
      { code: "invalid_relation", table: "projects", field: "tasks", fix: 'set them on "tasks.project"' },
    );
  });

  it("ambiguous_relation: several candidates, listed", () => {
    expectSchemaError(
      () =>
        schema({
          people: table({ id: v.uuid(), posts: v.many("posts") }),
          posts: table({
            id: v.uuid(),
            author: v.one("people"),
            reviewer: v.one("people", { nullable: true }),
          }),
        }),
      {
        code: "ambiguous_relation",
        table: "people",
        field: "posts",
        mentions: ["posts.author (FK authorId)", "posts.reviewer (FK reviewerId)"],
        fix: "give this v.many and the v.one it pairs with the same relationName",
      },
    );
  });

  it("unmatched_relation: relationName without partner, self many without a name", () => {
    expectSchemaError(
      () =>
        schema({
          people: table({ id: v.uuid(), posts: v.many("posts", { relationName: "writer" }) }),
          posts: table({ id: v.uuid(), author: v.one("people") }),
        }),
      {
        code: "unmatched_relation",
        table: "people",
        field: "posts",
        mentions: ['"writer"'],
        fix: "add e.g.",
      },
    );
    expectSchemaError(
      () =>
        schema({
          tasks: table({
            id: v.uuid(),
            parent: v.one("tasks", { nullable: true }),
            subtasks: v.many("tasks"),
          }),
        }),
      { code: "unmatched_relation", table: "tasks", field: "subtasks", fix: 'add `parent: v.one("tasks"' },
    );
  });

  it("conflicting_many_to_many: both sides disagree", () => {
    expectSchemaError(
      () =>
        schema({
          tasks: table({ id: v.uuid(), labels: v.manyToMany("labels", { onDelete: "cascade" }) }),
          labels: table({ id: v.uuid(), tasks: v.manyToMany("tasks", { onDelete: "restrict" }) }),
        }),
      {
        code: "conflicting_many_to_many",
        table: "labels",
        field: "tasks",
        mentions: ['"tasks.labels"', "labelsTasksLinks"],
        fix: "make both sides agree",
      },
    );
    expectSchemaError(
      () =>
        schema({
          tasks: table({ id: v.uuid(), labels: v.manyToMany("labels", { sourceField: "taskRef" }) }),
          labels: table({ id: v.uuid(), tasks: v.manyToMany("tasks", { targetField: "task" }) }),
        }),
      { code: "conflicting_many_to_many", table: "labels", field: "tasks", fix: "make both sides agree" },
    );
  });

  it("junction_name_clash: two relations or a table on one junction name", () => {
    expectSchemaError(
      () =>
        schema({
          tasks: table({ id: v.uuid(), labels: v.manyToMany("labels"), hidden: v.manyToMany("labels") }),
          labels: table({ id: v.uuid() }),
        }),
      { code: "junction_name_clash", table: "tasks", field: "hidden", fix: "pass a distinct junctionTable" },
    );
    expectSchemaError(
      () =>
        schema({
          tasks: table({ id: v.uuid(), labels: v.manyToMany("labels") }),
          labels: table({ id: v.uuid() }),
          labelsTasksLinks: table({ id: v.uuid() }),
        }),
      { code: "junction_name_clash", table: "tasks", field: "labels", fix: "pass another junctionTable" },
    );
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), a: v.manyToMany("tasks"), b: v.manyToMany("tasks") }) }),
      { code: "junction_name_clash", table: "tasks", field: "b", fix: "to make them inverses give both" },
    );
  });

  it('set_null_on_not_null: onDelete "set null" on a NOT NULL FK', () => {
    expectSchemaError(
      () => schema({ tasks: table({ id: v.uuid(), owner: v.one("users", { onDelete: "set null" }) }) }),
      {
        code: "set_null_on_not_null",
        table: "tasks",
        field: "owner",
        fix: "pass nullable: true",
      },
    );
    expectSchemaError(
      () =>
        schema({
          tasks: table({
            id: v.uuid(),
            ownerId: v.string().notNull().references("users", "id", { onDelete: "set null" }),
          }),
        }),
      { code: "set_null_on_not_null", table: "tasks", field: "ownerId", fix: "drop .notNull()" },
    );
  });

  it("duplicate_field: an inferred FK that collides", () => {
    expectSchemaError(
      () =>
        schema({ tasks: table({ id: v.uuid(), owner: v.one("users"), author: v.one("users", "ownerId") }) }),
      {
        code: "duplicate_field",
        table: "tasks",
        field: "author",
        fix: "give one of the relations another field",
      },
    );
  });

  it("auth_table_foreign_key: a v.many that would add a FK to an auth table", () => {
    expectSchemaError(() => schema({ teams: table({ id: v.uuid(), members: v.many("users") }) }), {
      code: "auth_table_foreign_key",
      table: "teams",
      field: "members",
      fix: 'use v.manyToMany("users")',
    });
  });
});
