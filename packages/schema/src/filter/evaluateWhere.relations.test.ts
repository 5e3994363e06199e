import { describe, expect, it } from "vitest";
import { evaluateWhere } from "./evaluateWhere";
import { haversineMetres } from "./haversine";
import { matchesWhere } from "./matchesWhere";
import { RelationDataNeededError } from "./RelationDataNeededError";
import { tasksTable } from "./testFixtures";
import { labelRow, projectRow, taskRow, userRow } from "./testRows";

type Case = [
  name: string,
  where: Record<string, unknown>,
  row: Record<string, unknown>,
  expected: boolean | null,
];

function run(cases: Case[]) {
  it.each(cases)("%s", (_name, where, row, expected) => {
    expect(evaluateWhere(tasksTable, where, taskRow(row))).toBe(expected);
  });
}

describe("relation filters with data", () => {
  const project = projectRow();
  run([
    ["one: match", { project: { name: "Site" } }, { project }, true],
    ["one: miss", { project: { name: "Other" } }, { project }, false],
    ["one: null related row → FALSE", { assignee: { name: "Ann" } }, { assignee: null }, false],
    ["one: empty where → related row exists", { assignee: {} }, { assignee: userRow() }, true],
    ["not one with null → TRUE", { not: { assignee: {} } }, { assignee: null }, true],
    [
      "one: UNKNOWN inside EXISTS → FALSE",
      { project: { budget: { gt: 1 } } },
      { project: projectRow({ budget: null }) },
      false,
    ],
    [
      "not over UNKNOWN-inside-EXISTS → TRUE",
      { not: { project: { budget: { gt: 1 } } } },
      { project: projectRow({ budget: null }) },
      true,
    ],
    [
      "one: nested relation",
      { project: { owner: { name: "Ann" } } },
      { project: projectRow({ owner: userRow() }) },
      true,
    ],
    [
      "many: some child matches",
      { children: { done: true } },
      { children: [taskRow({ done: false }), taskRow({ done: true })] },
      true,
    ],
    ["many: none matches", { children: { done: true } }, { children: [taskRow()] }, false],
    ["many: empty → FALSE", { children: {} }, { children: [] }, false],
    ["many: not → no child matches", { not: { children: { done: true } } }, { children: [taskRow()] }, true],
    [
      "manyToMany: match",
      { labels: { name: "bug" } },
      { labels: [labelRow(), labelRow({ id: 2, name: "ui" })] },
      true,
    ],
    ["manyToMany: miss", { labels: { name: "docs" } }, { labels: [labelRow()] }, false],
    ["self one", { parent: { title: "Epic" } }, { parent: taskRow({ id: 9, title: "Epic" }) }, true],
    ["relation in or", { or: [{ done: true }, { project: { status: "active" } }] }, { project }, true],
    ["relation and column", { done: false, project: { status: { in: ["archived"] } } }, { project }, false],
  ]);
});

describe("relation filters without data", () => {
  it("throws RelationDataNeededError naming the relation", () => {
    const run = () => evaluateWhere(tasksTable, { project: { name: "Site" } }, taskRow());
    expect(run).toThrow(RelationDataNeededError);
    expect(run).toThrow(/"project"/);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ table: "tasks", relation: "project" });
    }
  });

  it("names the nested relation that is missing", () => {
    const where = { project: { owner: { name: "Ann" } } };
    expect(() => evaluateWhere(tasksTable, where, taskRow({ project: projectRow() }))).toThrow(
      expect.objectContaining({ table: "projects", relation: "owner" }),
    );
  });

  it("does not need the data when another AND branch is FALSE or an OR branch TRUE", () => {
    expect(evaluateWhere(tasksTable, { done: true, project: { name: "x" } }, taskRow())).toBe(false);
    expect(evaluateWhere(tasksTable, { or: [{ project: { name: "x" } }, { done: false }] }, taskRow())).toBe(
      true,
    );
  });

  it("needs the data when the rest is UNKNOWN", () => {
    expect(() =>
      evaluateWhere(tasksTable, { priority: 1, project: { name: "x" } }, taskRow({ priority: null })),
    ).toThrow(RelationDataNeededError);
  });

  it("needs array data for many relations", () => {
    expect(() => evaluateWhere(tasksTable, { labels: {} }, taskRow({ labels: null }))).toThrow(
      RelationDataNeededError,
    );
  });

  it("matchesWhere maps it to needs-relation-data", () => {
    expect(matchesWhere(tasksTable, { children: { done: true } }, taskRow())).toBe("needs-relation-data");
    expect(matchesWhere(tasksTable, { done: false }, taskRow())).toBe(true);
    expect(matchesWhere(tasksTable, { priority: 1 }, taskRow({ priority: null }))).toBe(false);
    expect(matchesWhere(tasksTable, { not: { priority: 1 } }, taskRow({ priority: null }))).toBe(false);
  });

  it("matchesWhere still throws WhereError", () => {
    expect(() => matchesWhere(tasksTable, { nope: 1 }, taskRow())).toThrow(/Unknown field "nope"/);
  });
});

describe("geoWithin", () => {
  const paris = { latitude: 48.8566, longitude: 2.3522 };
  const near = { lat: 48.8606, lng: 2.3376 }; // Louvre, ~1.15 km
  const london = { lat: 51.5074, lng: -0.1278 };
  const geo = (extra: Record<string, unknown>) => ({
    geoWithin: { $geometry: paris, latitudeField: "lat", longitudeField: "lng", ...extra },
  });
  const nearDistance = haversineMetres(near.lat, near.lng, paris.latitude, paris.longitude);
  run([
    ["within maxDistance", geo({ maxDistance: 2_000 }), near, true],
    ["outside maxDistance", geo({ maxDistance: 1_000 }), near, false],
    ["far away", geo({ maxDistance: 100_000 }), london, false],
    ["minDistance", geo({ minDistance: 300_000 }), london, true],
    ["ring", geo({ minDistance: 1_000, maxDistance: 2_000 }), near, true],
    ["maxDistance bound is inclusive", geo({ maxDistance: nearDistance }), near, true],
    ["minDistance bound is inclusive", geo({ minDistance: nearDistance }), near, true],
    ["same point, distance 0", geo({ maxDistance: 0 }), { lat: paris.latitude, lng: paris.longitude }, true],
    ["NULL latitude → UNKNOWN", geo({ maxDistance: 1e9 }), { lat: null }, null],
    ["NULL longitude → UNKNOWN", geo({ minDistance: 0 }), { lng: null }, null],
    ["not over UNKNOWN", { not: geo({ maxDistance: 1e9 }) }, { lat: null }, null],
    ["$geoWithin alias", { $geoWithin: geo({ maxDistance: 2_000 }).geoWithin }, near, true],
    ["beside other keys", { done: false, ...geo({ maxDistance: 2_000 }) }, near, true],
  ]);
});
