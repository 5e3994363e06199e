import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { LONG_NAME } from "./support/seed";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("findMany", () => {
  it("returns full rows decoded to TS values, in primary-key order by default", async () => {
    const { runtime } = fixtureRuntime();
    const rows = await findMany(runtime, "items");
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]).toEqual({
      id: 1,
      name: "Alpha",
      code: "c-1",
      status: "active",
      count: 3,
      score: 1.5,
      active: true,
      dueAt: new Date("2024-01-01T00:00:00Z"),
      flags: ["red"],
      tags: ["a", "b"],
      lines: [{ sku: "A", qty: 2, price: 1.25, fragile: false }],
      settings: { color: "red", public: true },
      meta: { kind: "x", n: 1 },
      lat: 48.8566,
      lng: 2.3522,
      ownerId: "o1",
      parentId: null,
    });
    expect(rows[1]!.score).toBe(0.1 + 0.2);
    expect(rows[2]).toMatchObject({ name: null, active: null, dueAt: null, tags: null, meta: "plain" });
    expect(rows[4]!.name).toBe(LONG_NAME);
  });

  it("orders by the given terms, the primary key breaking ties", async () => {
    const { runtime } = fixtureRuntime();
    const byCount = await findMany(runtime, "items", {
      orderBy: { column: "count", direction: "desc" },
      columns: { id: true },
    });
    expect(byCount.map((r) => r.id)).toEqual([4, 5, 1, 2, 3]);
    const multi = await findMany(runtime, "items", {
      orderBy: [{ column: "status" }, { column: "dueAt", direction: "desc" }],
      columns: { id: true },
    });
    expect(multi.map((r) => r.id)).toEqual([5, 1, 4, 2, 3]);
  });

  it("applies limit and offset, with the configured default and maximum", async () => {
    const { runtime } = fixtureRuntime({ defaultLimit: 2, maxLimit: 3 });
    expect((await findMany(runtime, "items", { columns: { id: true } })).map((r) => r.id)).toEqual([1, 2]);
    expect(
      (await findMany(runtime, "items", { limit: 3, offset: 1, columns: { id: true } })).map((r) => r.id),
    ).toEqual([2, 3, 4]);
    expect(await findMany(runtime, "items", { limit: 0 })).toEqual([]);
    const over = findMany(runtime, "items", { limit: 4 });
    await expect(over).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(over).rejects.toThrow(/limit 4 of findMany on table "items" is over the maximum of 3/);
  });

  it("returns only the selected columns", async () => {
    const { runtime } = fixtureRuntime();
    const rows = await findMany(runtime, "items", {
      where: { id: 2 },
      columns: { name: true, dueAt: true, lines: true },
    });
    expect(rows).toEqual([
      {
        name: "beta 50%",
        dueAt: new Date("2024-06-01T00:00:00Z"),
        lines: [
          { sku: "B", qty: 1, price: 10, fragile: true },
          { sku: "A", qty: 5, price: 2, fragile: false },
        ],
      },
    ]);
    expect(await findMany(runtime, "items", { where: { id: 2 }, columns: {} })).toEqual([{}]);
  });

  it("records the normalized where of the read (null without one)", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", { where: { status: { $in: ["active"] }, dueAt: { gte: new Date(0) } } });
    await findMany(runtime, "owners");
    expect(runtime.reads).toEqual([
      { table: "items", where: { dueAt: { gte: 0 }, status: { in: ["active"] } } },
      { table: "owners", where: null },
    ]);
  });
});
