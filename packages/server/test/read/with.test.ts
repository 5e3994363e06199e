import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("findMany with", () => {
  it("loads one relations as an object or null", async () => {
    const { runtime } = fixtureRuntime();
    const rows = await findMany(runtime, "items", {
      columns: { id: true },
      with: { owner: true, parent: { columns: { name: true } } },
    });
    expect(rows.slice(0, 3)).toEqual([
      { id: 1, owner: { id: "o1", name: "Ada", rank: 1 }, parent: null },
      { id: 2, owner: { id: "o1", name: "Ada", rank: 1 }, parent: { name: "Alpha" } },
      { id: 3, owner: null, parent: { name: "Alpha" } },
    ]);
  });

  it("loads many and manyToMany relations as arrays, filtered, ordered and limited", async () => {
    const { runtime } = fixtureRuntime();
    const rows = await findMany(runtime, "items", {
      where: { id: { in: [1, 3] } },
      columns: { id: true },
      with: {
        notes: { orderBy: { column: "stars", direction: "desc" }, columns: { body: true, stars: true } },
        labels: { where: { weight: { gt: 1.5 } } },
        children: { columns: { id: true }, limit: 1, offset: 1 },
      },
    });
    expect(rows).toEqual([
      {
        id: 1,
        notes: [
          { body: "first", stars: 5 },
          { body: "second", stars: 3 },
        ],
        labels: [{ id: 1, name: "urgent", weight: 2.5 }],
        children: [{ id: 3 }],
      },
      { id: 3, notes: [], labels: [], children: [] },
    ]);
  });

  it("nests freely and decodes every column type inside JSON exactly", async () => {
    const { runtime } = fixtureRuntime();
    const [owner] = await findMany(runtime, "owners", {
      where: { id: "o1" },
      columns: { name: true },
      with: {
        items: {
          with: {
            notes: { columns: { pinned: true, writtenAt: true } },
            labels: { columns: { name: true } },
          },
        },
      },
    });
    const items = owner!.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([1, 2]);
    expect(items[1]).toMatchObject({
      score: 0.1 + 0.2,
      active: false,
      dueAt: new Date("2024-06-01T00:00:00Z"),
      flags: [],
      meta: ["x", 1],
      settings: null,
      lat: 51.5074,
      labels: [{ name: "urgent" }],
      notes: [{ pinned: false, writtenAt: null }],
    });
    expect(items[0]).toMatchObject({
      active: true,
      meta: { kind: "x", n: 1 },
      notes: [
        { pinned: true, writtenAt: new Date("2024-02-01T00:00:00Z") },
        { pinned: false, writtenAt: new Date("2024-03-01T00:00:00Z") },
      ],
    });
  });

  it("computes relation aggregates in SQL on <relation>Aggregate", async () => {
    const { runtime } = fixtureRuntime();
    const rows = await findMany(runtime, "items", {
      columns: { id: true },
      with: {
        notes: {
          _count: true,
          _avg: { stars: true },
          _sum: { stars: true },
          _min: { writtenAt: true },
          _max: { stars: true },
        },
        labels: { _count: true, _max: { weight: true }, where: { weight: { ne: null } } },
      },
    });
    expect(rows[0]).toEqual({
      id: 1,
      notesAggregate: {
        count: 2,
        avg: { stars: 4 },
        sum: { stars: 8 },
        min: { writtenAt: new Date("2024-02-01T00:00:00Z") },
        max: { stars: 5 },
      },
      labelsAggregate: { count: 2, max: { weight: 2.5 } },
    });
    expect(rows[2]).toEqual({
      id: 3,
      notesAggregate: {
        count: 0,
        avg: { stars: null },
        sum: { stars: null },
        min: { writtenAt: null },
        max: { stars: null },
      },
      labelsAggregate: { count: 0, max: { weight: null } },
    });
  });

  it("loads rows and aggregates together when the entry asks for both", async () => {
    const { runtime } = fixtureRuntime();
    const [row] = await findMany(runtime, "items", {
      where: { id: 1 },
      columns: { id: true },
      with: { notes: { limit: 1, columns: { id: true }, _count: true } },
    });
    expect(row).toEqual({ id: 1, notes: [{ id: 1 }], notesAggregate: { count: 2 } });
  });

  it("refuses unknown relations and arguments that do not apply", async () => {
    const { runtime } = fixtureRuntime();
    await expect(findMany(runtime, "items", { with: { owners: true } })).rejects.toThrow(
      /Unknown relation "owners".*Relations: owner, parent/,
    );
    await expect(findMany(runtime, "items", { with: { owner: { limit: 1 } } })).rejects.toThrow(
      /one relation/,
    );
    await expect(findMany(runtime, "items", { with: { notes: { _avg: { body: true } } } })).rejects.toThrow(
      InvalidQueryError,
    );
    await expect(findMany(runtime, "items", { with: { notes: { where: { bdy: "x" } } } })).rejects.toThrow(
      /Unknown field "bdy".*with.notes/,
    );
    await expect(findMany(runtime, "items", { with: { notes: { limit: 5000 } } })).rejects.toThrow(
      /over the maximum/,
    );
  });
});
