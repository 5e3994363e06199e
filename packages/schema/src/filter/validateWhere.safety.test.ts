import { describe, expect, it } from "vitest";
import { WHERE_LIMITS } from "./operators";
import { errorOf } from "./testErrors";
import { tasksTable } from "./testFixtures";
import { validateWhere } from "./validateWhere";
import { WhereError } from "./WhereError";

/** `{ not: { not: … { title: "x" } } }` with `levels` object levels in total. */
function nestedNots(levels: number): Record<string, unknown> {
  let where: Record<string, unknown> = { title: { eq: "x" } }; // 2 levels
  for (let level = 2; level < levels; level++) where = { not: where };
  return where;
}

describe("prototype keys", () => {
  const cases: Array<[string, unknown, string[]]> = [
    ["__proto__ via JSON.parse at the top", JSON.parse('{"__proto__": {"polluted": true}}'), ["__proto__"]],
    [
      "__proto__ in an operator object",
      JSON.parse('{"title": {"__proto__": {"eq": "x"}}}'),
      ["title", "__proto__"],
    ],
    ["__proto__ in a relation where", JSON.parse('{"project": {"__proto__": {}}}'), ["project", "__proto__"]],
    ["__proto__ in an and item", JSON.parse('{"and": [{"__proto__": 1}]}'), ["and", "0", "__proto__"]],
    ["__proto__ in element conditions", JSON.parse('{"items": {"__proto__": 1}}'), ["items", "__proto__"]],
    ["__proto__ in geoWithin", JSON.parse('{"geoWithin": {"__proto__": 1}}'), ["geoWithin", "__proto__"]],
    ["constructor as a field", { constructor: { name: "x" } }, ["constructor"]],
    ["constructor as an operator", { title: { constructor: 1 } }, ["title", "constructor"]],
    ["prototype", { not: { prototype: {} } }, ["not", "prototype"]],
  ];
  it.each(cases)("%s", (_name, where, path) => {
    const error = errorOf(where);
    expect(error.message).toMatch(/Forbidden key "(__proto__|constructor|prototype)"/);
    expect(error.path).toEqual(path);
  });

  it("does not treat inherited Object.prototype members as fields or operators", () => {
    expect(errorOf({ toString: "x" }).message).toMatch(/Unknown field "toString"/);
    expect(errorOf({ title: { valueOf: 1 } }).message).toMatch(/Unknown operator "valueOf"/);
    expect(errorOf({ items: { hasOwnProperty: 1 } }).message).toMatch(
      /Unknown element field "hasOwnProperty"/,
    );
  });

  it("leaves Object.prototype untouched", () => {
    for (const text of [
      '{"__proto__": {"polluted": true}}',
      '{"title": {"__proto__": {"polluted": true}}}',
    ]) {
      expect(() => validateWhere(tasksTable, JSON.parse(text))).toThrow(WhereError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("accepts null-prototype objects", () => {
    const where = Object.assign(Object.create(null) as Record<string, unknown>, { title: "x" });
    expect(() => validateWhere(tasksTable, where)).not.toThrow();
  });
});

describe("limits", () => {
  it("counts object levels: depth 16 is accepted, 17 refused", () => {
    expect(() => validateWhere(tasksTable, nestedNots(16))).not.toThrow();
    const error = errorOf(nestedNots(17));
    expect(error.message).toMatch(/nested 17 object levels deep; the limit is 16/);
    expect(error.path).toEqual([...Array(15).fill("not"), "title"]);
  });

  it("counts and/or items one level below their object (arrays add none)", () => {
    let where: Record<string, unknown> = { title: "x" }; // level 1 where, then each `and` adds one
    for (let i = 0; i < 15; i++) where = { and: [where] };
    expect(() => validateWhere(tasksTable, where)).not.toThrow(); // 16 levels
    expect(errorOf({ and: [where] }).message).toMatch(/nested 17 object levels/);
  });

  it("counts relation wheres and operator objects", () => {
    let where: Record<string, unknown> = { title: { eq: "x" } }; // 2 levels
    for (let i = 0; i < 14; i++) where = { parent: where };
    expect(() => validateWhere(tasksTable, where)).not.toThrow(); // 16 levels
    expect(errorOf({ parent: where }).message).toMatch(/nested 17/);
  });

  it("counts nodes (keys plus and/or branches): exactly maxNodes is accepted, one more refused", () => {
    const { maxNodes } = WHERE_LIMITS;
    // root key "or" (1) + n branches (n) + one key each (n) = 2n + 1 nodes
    const orOf = (n: number) => ({ or: Array.from({ length: n }, (_, i) => ({ title: `t${i}` })) });
    const fits = (maxNodes - 1) / 2;
    expect(() => validateWhere(tasksTable, { ...orOf(Math.floor(fits)), done: true })).not.toThrow();
    const cases: Array<[string, unknown]> = [
      ["or of single conditions", orOf(Math.floor(fits) + 1)],
      ["empty branches still count", { and: Array.from({ length: maxNodes + 1 }, () => ({})) }],
      [
        "operators count",
        { and: Array.from({ length: maxNodes / 2 }, () => ({ title: { eq: "x", ne: "y" } })) },
      ],
      [
        "inside relation filters",
        { parent: { or: Array.from({ length: maxNodes }, () => ({ title: "x" })) } },
      ],
    ];
    for (const [name, where] of cases) {
      expect(errorOf(where).message, name).toMatch(
        new RegExp(`more than ${maxNodes} nodes.*WHERE_LIMITS\\.maxNodes = ${maxNodes}`),
      );
    }
    // List items are values, not nodes: a 1000-item in list is 2 nodes.
    expect(() => validateWhere(tasksTable, { priority: { in: Array(1000).fill(1) } })).not.toThrow();
  });

  it("refuses hostile depth without overflowing the stack", () => {
    let where: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) where = { not: where };
    expect(errorOf(where).message).toMatch(/nested 17 object levels/);
  });

  it("accepts lists of 1000 items and refuses 1001", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => i);
    for (const op of ["in", "nin"]) {
      expect(() => validateWhere(tasksTable, { priority: { [op]: list(1000) } })).not.toThrow();
      expect(errorOf({ priority: { [op]: list(1001) } }).message).toMatch(
        /has 1001 items; the limit is 1000/,
      );
    }
    for (const op of ["includes", "includesAny"]) {
      expect(() => validateWhere(tasksTable, { scores: { [op]: list(1000) } })).not.toThrow();
      expect(errorOf({ scores: { [op]: list(1001) } }).path).toEqual(["scores", op]);
    }
  });
});
