import { beforeAll, describe, expect, it } from "vitest";
import { groupBy } from "../../src/db/read/groupBy";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("groupBy", () => {
  it("groups by columns with aggregates, ordered by the by columns", async () => {
    const { runtime } = fixtureRuntime();
    const groups = await groupBy(runtime, "items", {
      by: "status",
      _count: true,
      _sum: { count: true },
      _avg: { score: true },
      _min: { dueAt: true },
      _max: { name: true },
    });
    expect(groups).toEqual([
      {
        status: "active",
        _count: 3,
        _sum: { count: 13 },
        _avg: { score: 0.5 },
        _min: { dueAt: new Date("2023-01-01T00:00:00Z") },
        _max: { name: `${"x".repeat(29) + "y".repeat(29)}%_` },
      },
      {
        status: "archived",
        _count: 1,
        _sum: { count: 0 },
        _avg: { score: 0.1 + 0.2 },
        _min: { dueAt: new Date("2024-06-01T00:00:00Z") },
        _max: { name: "beta 50%" },
      },
      {
        status: "draft",
        _count: 1,
        _sum: { count: null },
        _avg: { score: null },
        _min: { dueAt: null },
        _max: { name: null },
      },
    ]);
  });

  it("groups by several columns, filters, orders by aggregates, limits", async () => {
    const { runtime } = fixtureRuntime();
    const groups = await groupBy(runtime, "items", {
      by: ["ownerId", "active"],
      where: { ownerId: { ne: null } },
      _count: { count: true },
      orderBy: [{ aggregate: "_sum", field: "count", direction: "desc" }],
      limit: 2,
    });
    expect(groups).toEqual([
      { ownerId: "o2", active: true, _count: { count: 1 } },
      { ownerId: "o1", active: true, _count: { count: 1 } },
    ]);
    const byCount = await groupBy(runtime, "notes", {
      by: ["pinned"],
      _count: true,
      orderBy: { aggregate: "count", direction: "desc" },
    });
    expect(byCount).toEqual([
      { pinned: false, _count: 2 },
      { pinned: true, _count: 2 },
    ]);
    const offset = await groupBy(runtime, "items", {
      by: "status",
      orderBy: { column: "status", direction: "desc" },
      offset: 1,
    });
    expect(offset).toEqual([{ status: "archived" }, { status: "active" }]);
  });

  it("refuses bad by / orderBy / aggregates", async () => {
    const { runtime } = fixtureRuntime();
    await expect(groupBy(runtime, "items", { by: [] })).rejects.toThrow(InvalidQueryError);
    await expect(groupBy(runtime, "items", { by: "nope" })).rejects.toThrow(/not a column of table "items"/);
    await expect(groupBy(runtime, "items", { by: "status", orderBy: { column: "count" } })).rejects.toThrow(
      /not one of the by columns/,
    );
    await expect(groupBy(runtime, "items", { by: "status", _sum: { name: true } })).rejects.toThrow(
      /not a numeric/,
    );
    await expect(groupBy(runtime, "items", { by: "status", orderBy: { aggregate: "_avg" } })).rejects.toThrow(
      /needs a field/,
    );
  });
});
