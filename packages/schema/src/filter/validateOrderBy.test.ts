import { describe, expect, it } from "vitest";
import { tasksTable } from "./testFixtures";
import { validateColumns } from "./validateColumns";
import { validateOrderBy } from "./validateOrderBy";
import { WhereError } from "./WhereError";

function errorOf(run: () => unknown): WhereError {
  try {
    run();
  } catch (error) {
    if (error instanceof WhereError) return error;
    throw error;
  }
  throw new Error("expected a WhereError");
}

describe("validateOrderBy", () => {
  it("accepts one term or an array, defaulting direction to asc", () => {
    expect(validateOrderBy(tasksTable, { column: "title" })).toEqual([{ column: "title", direction: "asc" }]);
    expect(
      validateOrderBy(tasksTable, [
        { column: "dueAt", direction: "desc" },
        { column: "id", direction: "asc" },
      ]),
    ).toEqual([
      { column: "dueAt", direction: "desc" },
      { column: "id", direction: "asc" },
    ]);
    expect(validateOrderBy(tasksTable, [])).toEqual([]);
    expect(validateOrderBy(tasksTable, undefined)).toEqual([]);
    expect(validateOrderBy(tasksTable, { column: "projectId" })).toHaveLength(1);
  });

  const cases: Array<[string, unknown, RegExp, string[]]> = [
    ["quotes", { column: 'title"' }, /Unknown column "title\\"" in orderBy for table "tasks"/, ["column"]],
    [
      "semicolon",
      { column: "title; DROP TABLE tasks" },
      /Unknown column "title; DROP TABLE tasks"/,
      ["column"],
    ],
    [
      "SQL expression",
      [{ column: "id" }, { column: "id DESC, (SELECT 1)" }],
      /Unknown column/,
      ["1", "column"],
    ],
    [
      "unknown column with a hint",
      { column: "titel" },
      /Did you mean "title"\? Columns: id, title/,
      ["column"],
    ],
    ["relation is not a column", { column: "project" }, /Unknown column "project"/, ["column"]],
    ["inherited property", { column: "toString" }, /Unknown column "toString"/, ["column"]],
    ["column not a string", { column: 1 }, /must be a column name, got number 1/, ["column"]],
    ["missing column", { direction: "asc" }, /needs a column/, []],
    [
      "bad direction",
      { column: "id", direction: "DESC" },
      /direction must be "asc" or "desc", got string "DESC"/,
      ["direction"],
    ],
    [
      "unknown key",
      { column: "id", nulls: "first" },
      /Unknown key "nulls" in orderBy for table "tasks"/,
      ["nulls"],
    ],
    ["string shorthand", "title", /An orderBy term must be an object, got string "title"/, []],
    ["__proto__", JSON.parse('{"column":"id","__proto__":{}}'), /Forbidden key "__proto__"/, ["__proto__"]],
    ["undefined direction", { column: "id", direction: undefined }, /undefined/, ["direction"]],
  ];
  it.each(cases)("refuses %s", (_name, orderBy, message, path) => {
    const error = errorOf(() => validateOrderBy(tasksTable, orderBy));
    expect(error.message).toMatch(message);
    expect(error.path).toEqual(path);
  });
});

describe("validateColumns", () => {
  it("returns the selected columns in declaration order", () => {
    expect(validateColumns(tasksTable, { title: true, id: true })).toEqual(["id", "title"]);
    expect(validateColumns(tasksTable, {})).toEqual([]);
  });

  const cases: Array<[string, unknown, RegExp, string[]]> = [
    [
      "unknown column",
      { titel: true },
      /Unknown column "titel" in columns for table "tasks"\. Did you mean "title"\?/,
      ["titel"],
    ],
    [
      "relation",
      { project: true },
      /"project" is a relation: load it with with: \{ project: true \}/,
      ["project"],
    ],
    ["false", { title: false }, /columns\.title must be true, got boolean false/, ["title"]],
    ["1", { title: 1 }, /must be true/, ["title"]],
    ["array", ["title"], /columns must be an object like \{ field: true \}, got an array/, []],
    ["constructor", { constructor: true }, /Forbidden key "constructor"/, ["constructor"]],
    ["quotes", { 'title"': true }, /Unknown column "title""/, ['title"']],
  ];
  it.each(cases)("refuses %s", (_name, columns, message, path) => {
    const error = errorOf(() => validateColumns(tasksTable, columns));
    expect(error.message).toMatch(message);
    expect(error.path).toEqual(path);
  });
});
