import { describe, expect, it } from "vitest";
import { normalizeWhere } from "./normalizeWhere";
import { tasksTable } from "./testFixtures";
import { MAY_FIRST } from "./testRows";

const ms = MAY_FIRST.getTime();

describe("normalizeWhere", () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ["bare value → eq", { title: "x" }, { title: { eq: "x" } }],
    ["bare null → eq null", { priority: null }, { priority: { eq: null } }],
    [
      "$ aliases resolved",
      { title: { $ne: "x" }, $or: [{ done: { $eq: true } }] },
      { or: [{ done: { eq: true } }], title: { ne: "x" } },
    ],
    [
      "regex → contains, options i → mode insensitive",
      { title: { $regex: "a", $options: "i" } },
      { title: { contains: "a", mode: "insensitive" } },
    ],
    ["mode default dropped", { title: { contains: "a", mode: "default" } }, { title: { contains: "a" } }],
    ["options '' dropped", { title: { regex: "a", options: "" } }, { title: { contains: "a" } }],
    [
      "dates → epoch ms",
      { dueAt: { gte: MAY_FIRST, lt: "2024-05-01", in: [ms, "2024-05-01T00:00:00Z"] } },
      { dueAt: { gte: ms, in: [ms, ms], lt: ms } },
    ],
    [
      "dates inside JSON → ISO text",
      { items: { shippedAt: { in: [ms, "2024-05-01"] } } },
      { items: { shippedAt: { in: [MAY_FIRST.toISOString(), MAY_FIRST.toISOString()] } } },
    ],
    ["-0 → 0", { score: -0 }, { score: { eq: 0 } }],
    ["length n → { eq: n }", { scores: { $length: 2 } }, { scores: { length: { eq: 2 } } }],
    ["$not / $and", { $not: { $and: [] } }, { not: { and: [] } }],
    [
      "$geoWithin",
      {
        $geoWithin: {
          maxDistance: 5,
          longitudeField: "lng",
          latitudeField: "lat",
          $geometry: { longitude: -0, latitude: 1 },
        },
      },
      {
        geoWithin: {
          $geometry: { latitude: 1, longitude: 0 },
          latitudeField: "lat",
          longitudeField: "lng",
          maxDistance: 5,
        },
      },
    ],
    [
      "relations normalized recursively",
      { project: { name: "x", owner: {} } },
      { project: { name: { eq: "x" }, owner: {} } },
    ],
    [
      "array order is kept",
      { or: [{ title: "b" }, { title: "a" }] },
      { or: [{ title: { eq: "b" } }, { title: { eq: "a" } }] },
    ],
    [
      "booleans stay booleans",
      { done: false, meta: { includes: [true] } },
      { done: { eq: false }, meta: { includes: [true] } },
    ],
  ];
  it.each(cases)("%s", (_name, where, expected) => {
    expect(normalizeWhere(tasksTable, where)).toEqual(expected);
  });

  it("sorts keys at every level", () => {
    const out = normalizeWhere(tasksTable, {
      title: { lt: "z", gt: "a" },
      done: true,
      and: [{ score: 1, id: 2 }],
    });
    expect(JSON.stringify(out)).toBe(
      '{"and":[{"id":{"eq":2},"score":{"eq":1}}],"done":{"eq":true},"title":{"gt":"a","lt":"z"}}',
    );
  });

  it("is idempotent and JSON-serializable", () => {
    const where = {
      title: { $regex: "A", $options: "i" },
      dueAt: MAY_FIRST,
      items: { qty: { gte: 2 }, length: 1 },
    };
    const once = normalizeWhere(tasksTable, where);
    expect(normalizeWhere(tasksTable, once)).toEqual(once);
    expect(JSON.parse(JSON.stringify(once))).toEqual(once);
  });

  it("does not mutate its input", () => {
    const where = { dueAt: { gte: MAY_FIRST }, title: { regex: "a" } };
    const copy = structuredClone(where);
    normalizeWhere(tasksTable, where);
    expect(where).toEqual(copy);
  });
});
