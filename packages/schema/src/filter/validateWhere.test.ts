import { describe, expect, it } from "vitest";
import { errorOf } from "./testErrors";
import { projectsTable, tasksTable } from "./testFixtures";
import { validateWhere } from "./validateWhere";

type ErrorCase = [name: string, where: unknown, message: RegExp, path: string[]];

describe("validateWhere errors", () => {
  const cases: ErrorCase[] = [
    ["not an object", [], /A where must be a plain object .* got an array in where for table "tasks"/, []],
    ["null where", null, /must be a plain object/, []],
    ["class instance", new Date(), /must be a plain object/, []],
    [
      "unknown field",
      { titel: "x" },
      /^Unknown field "titel" in where for table "tasks"\. Did you mean "title"\? Known fields: id, title,/,
      ["titel"],
    ],
    ["operator at field level", { gte: 1 }, /"gte" is an operator, not a field/, ["gte"]],
    [
      "unknown operator",
      { title: { containz: "x" } },
      /Unknown operator "containz" for field "title" .* Did you mean "contains"\?/,
      ["title", "containz"],
    ],
    ["double $", { title: { $$eq: "x" } }, /Unknown operator "\$\$eq"/, ["title", "$$eq"]],
    [
      "string for int",
      { priority: "3" },
      /Field "priority" \(int\) expects a finite number, got string "3"/,
      ["priority"],
    ],
    ["NaN", { priority: { gt: Number.NaN } }, /expects a finite number, got number NaN/, ["priority", "gt"]],
    ["Infinity", { score: { lt: Number.POSITIVE_INFINITY } }, /finite number/, ["score", "lt"]],
    [
      "number for string",
      { title: { eq: 1 } },
      /"eq" on field "title" \(string\) expects a string, got number 1/,
      ["title", "eq"],
    ],
    ["0/1 for boolean", { done: 1 }, /expects true or false, got number 1/, ["done"]],
    [
      "bad enum value",
      { stage: "doen" },
      /"doen" is not a member of the enum .* Allowed values: "todo", "doing", "done"/,
      ["stage"],
    ],
    ["bad enum in list", { stage: { in: ["todo", "nope"] } }, /"nope" is not a member/, ["stage", "in", "1"]],
    [
      "bad date string",
      { dueAt: "yesterday" },
      /expects a Date, epoch milliseconds, or an ISO 8601 string/,
      ["dueAt"],
    ],
    [
      "date-time without zone",
      { dueAt: "2024-05-01T10:00:00" },
      /ISO 8601 string with a time zone/,
      ["dueAt"],
    ],
    ["invalid Date", { dueAt: new Date(Number.NaN) }, /got an invalid Date/, ["dueAt"]],
    ["gt null", { priority: { gt: null } }, /needs a value, got null.*exists: false/, ["priority", "gt"]],
    ["array as value", { priority: [1, 2] }, /was given an array.*\{ in: \[\.\.\.\] \}/, ["priority"]],
    ["in not an array", { priority: { in: 1 } }, /expects an array, got number 1/, ["priority", "in"]],
    ["null in list", { priority: { in: [1, null] } }, /contains null.*or: \[/, ["priority", "in", "1"]],
    ["exists not boolean", { priority: { exists: "yes" } }, /expects true or false/, ["priority", "exists"]],
    [
      "contains on int",
      { priority: { contains: "1" } },
      /Operator "contains" does not apply to int field "priority"/,
      ["priority", "contains"],
    ],
    [
      "contains on date",
      { dueAt: { startsWith: "2024" } },
      /does not apply to date field/,
      ["dueAt", "startsWith"],
    ],
    [
      "contains non-string",
      { title: { contains: 1 } },
      /expects a string, got number 1/,
      ["title", "contains"],
    ],
    [
      "mode without substring op",
      { title: { eq: "x", mode: "insensitive" } },
      /"mode" on field "title" only applies together with contains/,
      ["title", "mode"],
    ],
    [
      "options without substring op",
      { title: { $options: "i" } },
      /"\$options" on field "title" only applies together/,
      ["title", "$options"],
    ],
    [
      "bad mode",
      { title: { contains: "x", mode: "ci" } },
      /expects "insensitive" or "default"/,
      ["title", "mode"],
    ],
    ["bad options", { title: { contains: "x", options: "m" } }, /expects "i"/, ["title", "options"]],
    [
      "operator twice via alias",
      { title: { eq: "a", $eq: "b" } },
      /Operator "\$eq" repeats "eq"/,
      ["title", "$eq"],
    ],
    [
      "regex and contains",
      { title: { contains: "a", regex: "b" } },
      /"regex" repeats "contains"/,
      ["title", "regex"],
    ],
    ["combinator twice via alias", { and: [], $and: [] }, /"\$and" repeats "and"/, ["$and"]],
    [
      "and not an array",
      { and: { title: "x" } },
      /"and" expects an array of where objects, got an object/,
      ["and"],
    ],
    [
      "or item not an object",
      { or: ["x"] },
      /A where must be a plain object .* at where\.or\[0\]/,
      ["or", "0"],
    ],
    ["not not an object", { not: [] }, /must be a plain object/, ["not"]],
    [
      "relation with a value",
      { project: "p1" },
      /Relation "project" expects a where object on table "projects".*"projectId"/,
      ["project"],
    ],
    [
      "relation: unknown field reports the target table",
      { project: { titel: 1 } },
      /Unknown field "titel" in where for table "projects" at where\.project\.titel/,
      ["project", "titel"],
    ],
    ["undefined value", { title: undefined }, /The value of "title" is undefined.*Omit the key/, ["title"]],
    ["undefined operator", { title: { eq: undefined } }, /The value of "eq" is undefined/, ["title", "eq"]],
    [
      "includes on a scalar column",
      { title: { includes: ["a"] } },
      /"includes" only applies to JSON array fields/,
      ["title", "includes"],
    ],
    [
      "geoWithin inside a field",
      { lat: { geoWithin: {} } },
      /Put geoWithin at the top of a where object/,
      ["lat", "geoWithin"],
    ],
    [
      "JSON column with a value",
      { flags: "urgent" },
      /JSON field "flags" cannot be compared with string "urgent".*includes/,
      ["flags"],
    ],
    [
      "JSON eq non-null",
      { flags: { eq: ["urgent"] } },
      /"eq" on JSON field "flags" only accepts null/,
      ["flags", "eq"],
    ],
    [
      "JSON gt",
      { scores: { gt: 1 } },
      /Operator "gt" does not apply to JSON field "scores"/,
      ["scores", "gt"],
    ],
    [
      "includes bad enum member",
      { flags: { includes: ["urgnt"] } },
      /"urgnt" is not a member/,
      ["flags", "includes", "0"],
    ],
    [
      "includes wrong element type",
      { scores: { includes: ["1"] } },
      /expects a finite number/,
      ["scores", "includes", "0"],
    ],
    [
      "includes on object elements",
      { items: { includes: ["A"] } },
      /needs scalar elements.*element conditions/,
      ["items", "includes"],
    ],
    ["includes null", { scores: { includesAny: [null] } }, /contains null/, ["scores", "includesAny", "0"]],
    [
      "element conditions on scalar elements",
      { scores: { value: 1 } },
      /Unknown operator "value" for JSON field "scores".*elements are not objects/,
      ["scores", "value"],
    ],
    [
      "unknown element field",
      { items: { skus: "A" } },
      /Unknown element field "skus" for JSON field "items".*Did you mean "sku"\?/,
      ["items", "skus"],
    ],
    [
      "element field wrong type",
      { items: { qty: "2" } },
      /Field "items\[\]\.qty" \(int\) expects a finite number/,
      ["items", "qty"],
    ],
    [
      "element container field compared",
      { items: { dims: { w: 1 } } },
      /Unknown operator "w" for field "items\[\]\.dims"/,
      ["items", "dims", "w"],
    ],
    ["element container eq value", { items: { dims: "x" } }, /JSON object\) expects null/, ["items", "dims"]],
    [
      "untyped JSON non-identifier field",
      { meta: { "a.b": 1 } },
      /Element field names must be identifiers/,
      ["meta", "a.b"],
    ],
    ["length not a number", { scores: { length: "3" } }, /expects a finite number/, ["scores", "length"]],
    [
      "length exists",
      { scores: { length: { exists: true } } },
      /"exists" does not apply to "scores.length"/,
      ["scores", "length", "exists"],
    ],
    [
      "JSON date beyond year 9999",
      { items: { shippedAt: { gt: 253_402_300_800_000 } } },
      /between the years 0000 and 9999/,
      ["items", "shippedAt", "gt"],
    ],
    [
      "geo: missing bound",
      {
        geoWithin: { $geometry: { latitude: 0, longitude: 0 }, latitudeField: "lat", longitudeField: "lng" },
      },
      /needs maxDistance or minDistance/,
      ["geoWithin"],
    ],
    [
      "geo: unknown key",
      {
        geoWithin: {
          $geometry: { latitude: 0, longitude: 0 },
          latitudeField: "lat",
          longitudeField: "lng",
          maxDistance: 1,
          radius: 2,
        },
      },
      /Unknown key "radius" in geoWithin/,
      ["geoWithin", "radius"],
    ],
    [
      "geo: geometry without $",
      { geoWithin: { geometry: {}, latitudeField: "lat", longitudeField: "lng", maxDistance: 1 } },
      /Unknown key "geometry" in geoWithin.*Did you mean "\$geometry"/,
      ["geoWithin", "geometry"],
    ],
    [
      "geo: latitude out of range",
      {
        geoWithin: {
          $geometry: { latitude: 91, longitude: 0 },
          latitudeField: "lat",
          longitudeField: "lng",
          maxDistance: 1,
        },
      },
      /latitude expects degrees between -90 and 90/,
      ["geoWithin", "$geometry", "latitude"],
    ],
    [
      "geo: non-numeric field",
      {
        geoWithin: {
          $geometry: { latitude: 0, longitude: 0 },
          latitudeField: "title",
          longitudeField: "lng",
          maxDistance: 1,
        },
      },
      /"title" is not a numeric column.*Numeric columns: id, priority, score, lat, lng, parentId/,
      ["geoWithin", "latitudeField"],
    ],
    [
      "geo: negative distance",
      {
        geoWithin: {
          $geometry: { latitude: 0, longitude: 0 },
          latitudeField: "lat",
          longitudeField: "lng",
          maxDistance: -1,
        },
      },
      /maxDistance expects metres/,
      ["geoWithin", "maxDistance"],
    ],
    [
      "geo: min > max",
      {
        geoWithin: {
          $geometry: { latitude: 0, longitude: 0 },
          latitudeField: "lat",
          longitudeField: "lng",
          maxDistance: 1,
          minDistance: 2,
        },
      },
      /minDistance \(2\) is greater than maxDistance \(1\)/,
      ["geoWithin"],
    ],
  ];
  it.each(cases)("%s", (_name, where, message, path) => {
    const error = errorOf(where);
    expect(error.message).toMatch(message);
    expect(error.path).toEqual(path);
    expect(error.code).toBe("invalid_query");
  });

  it("refuses array operators on an object-shaped JSON column", () => {
    const error = errorOf({ settings: { length: 1 } }, projectsTable);
    expect(error.message).toMatch(/"length" needs a JSON array, but field "settings" holds a JSON object/);
    expect(errorOf({ settings: { color: "red" } }, projectsTable).message).toMatch(/it is not an array/);
  });

  it("refuses holes in sparse arrays instead of skipping them", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    expect(errorOf({ priority: { in: [1, , 3] } }).path).toEqual(["priority", "in", "1"]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    expect(errorOf({ and: [{}, , {}] }).path).toEqual(["and", "1"]);
  });

  it("names the table whose fields were in scope", () => {
    expect(errorOf({ tasks: { nope: 1 } }, projectsTable).table).toBe("tasks");
    expect(errorOf({ nope: 1 }, projectsTable).table).toBe("projects");
  });
});

describe("valid wheres", () => {
  const valid: Array<[string, unknown]> = [
    ["empty", {}],
    [
      "every scalar operator",
      { priority: { eq: 1, ne: 2, in: [1], nin: [], gt: 0, gte: 0, lt: 9, lte: 9, exists: true } },
    ],
    ["$ aliases", { title: { $contains: "a", $startsWith: "a", $endsWith: "a", $mode: "insensitive" } }],
    ["regex + options", { title: { $regex: "a", $options: "i" } }],
    ["enum substring with any pattern", { stage: { contains: "zz" } }],
    ["FK columns", { projectId: "p1", assigneeId: null, parentId: { in: [1, 2] } }],
    ["JSON", { items: { sku: "A", qty: { gte: 2 }, length: { gt: 0 } }, flags: { includesAny: ["later"] } }],
    ["untyped JSON", { meta: { includes: ["a", 1, true], any_field: { contains: "x" }, length: 2 } }],
    ["relations", { project: { owner: { name: "Ann" } }, labels: { name: "bug" }, children: {} }],
    ["combinators", { $or: [{ and: [] }, { $not: { title: "x" } }] }],
  ];
  it.each(valid)("%s", (_name, where) => {
    expect(() => validateWhere(tasksTable, where)).not.toThrow();
  });
});
