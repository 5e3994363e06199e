import { getSchemaModel } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import schema from "../../test/boardSchema";
import {
  type CheckViolationError,
  ForeignKeyViolationError,
  type NotNullViolationError,
  UniqueViolationError,
} from "../errors/DbError";
import { mapD1Error } from "./mapD1Error";

const model = getSchemaModel(schema);
const d1 = (message: string) => new Error(`D1_ERROR: ${message}`, { cause: new Error(message) });

describe("mapD1Error", () => {
  it("maps UNIQUE failures to TS table and field names, one or several columns", () => {
    const single = mapD1Error(
      d1("UNIQUE constraint failed: projects.slug: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"),
      model,
      "x",
    );
    expect(single).toBeInstanceOf(UniqueViolationError);
    expect((single as UniqueViolationError).body).toMatchObject({
      code: "unique_violation",
      table: "projects",
      fields: ["slug"],
    });
    const multi = mapD1Error(
      d1(
        "UNIQUE constraint failed: task_dependencies.blocker_id, task_dependencies.blocked_id: SQLITE_CONSTRAINT",
      ),
      model,
      "x",
    );
    expect((multi as UniqueViolationError).body).toMatchObject({
      table: "taskDependencies",
      fields: ["blockerId", "blockedId"],
    });
    expect((multi as UniqueViolationError).status).toBe(409);
  });

  it("maps FOREIGN KEY failures to the write's table (D1 names none)", () => {
    const error = mapD1Error(d1("FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"), model, "tasks");
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect((error as ForeignKeyViolationError).body).toMatchObject({
      code: "foreign_key_violation",
      table: "tasks",
    });
  });

  it("maps CHECK and NOT NULL failures", () => {
    const check = mapD1Error(
      d1("CHECK constraint failed: tasks_estimate_non_negative: SQLITE_CONSTRAINT"),
      model,
      "tasks",
    );
    expect((check as CheckViolationError).body).toMatchObject({
      code: "check_violation",
      constraint: "tasks_estimate_non_negative",
    });
    expect((check as CheckViolationError).status).toBe(400);
    const notNull = mapD1Error(
      d1("NOT NULL constraint failed: tasks.project_id: SQLITE_CONSTRAINT"),
      model,
      "x",
    );
    expect((notNull as NotNullViolationError).body).toMatchObject({
      code: "not_null_violation",
      table: "tasks",
      fields: ["projectId"],
    });
  });

  it("returns anything it does not recognise unchanged", () => {
    const other = d1("no such table: nope: SQLITE_ERROR");
    expect(mapD1Error(other, model, "tasks")).toBe(other);
    expect(mapD1Error("a string", model, "tasks")).toBe("a string");
    const unknownTable = d1("UNIQUE constraint failed: not_a_table.x: SQLITE_CONSTRAINT");
    expect(mapD1Error(unknownTable, model, "tasks")).toBe(unknownTable);
  });
});
