import { beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../../src/db/read/aggregate";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("count / sum / avg / min / max", () => {
  it("counts rows, non-NULL values and distinct values", async () => {
    const { runtime } = fixtureRuntime();
    expect(await aggregate(runtime, "items", "count")).toBe(5);
    expect(await aggregate(runtime, "items", "count", { where: { status: "active" } })).toBe(3);
    expect(await aggregate(runtime, "items", "count", { field: "count" })).toBe(4);
    expect(await aggregate(runtime, "items", "count", { field: "count", distinct: true })).toBe(3);
    expect(await aggregate(runtime, "items", "count", { field: "owner.name", distinct: true })).toBe(2);
    expect(
      await aggregate(runtime, "items", "count", {
        where: { owner: { name: "Bob" } },
        with: { owner: true },
      }),
    ).toBe(2);
  });

  it("sums and averages numeric fields, null when nothing to aggregate", async () => {
    const { runtime } = fixtureRuntime();
    expect(await aggregate(runtime, "items", "sum", { field: "count" })).toBe(13);
    expect(await aggregate(runtime, "items", "sum", { field: "count", distinct: true })).toBe(10);
    expect(await aggregate(runtime, "items", "avg", { field: "count" })).toBe(3.25);
    expect(await aggregate(runtime, "items", "sum", { field: "score", where: { id: { in: [1, 2] } } })).toBe(
      1.5 + (0.1 + 0.2),
    );
    expect(await aggregate(runtime, "items", "sum", { field: "count", where: { id: 3 } })).toBeNull();
    expect(await aggregate(runtime, "items", "avg", { field: "owner.rank" })).toBe(1.5);
  });

  it("min and max keep the column type", async () => {
    const { runtime } = fixtureRuntime();
    expect(await aggregate(runtime, "items", "min", { field: "dueAt" })).toEqual(
      new Date("2023-01-01T00:00:00Z"),
    );
    expect(await aggregate(runtime, "items", "max", { field: "active" })).toBe(true);
    expect(await aggregate(runtime, "items", "max", { field: "name" })).toBe(
      `${"x".repeat(29) + "y".repeat(29)}%_`,
    );
    expect(await aggregate(runtime, "notes", "max", { field: "item.dueAt" })).toEqual(
      new Date("2024-06-01T00:00:00Z"),
    );
    expect(await aggregate(runtime, "items", "min", { field: "count", where: { id: 3 } })).toBeNull();
  });

  it("records the where plus joined and relation-filter tables", async () => {
    const { runtime } = fixtureRuntime();
    await aggregate(runtime, "items", "sum", { field: "owner.rank", where: { labels: { name: "urgent" } } });
    expect(runtime.reads).toEqual([
      { table: "items", where: { labels: { name: { eq: "urgent" } } } },
      { table: "labels", where: null },
      { table: "itemsLabelsLinks", where: null },
      { table: "owners", where: null },
    ]);
  });

  it("refuses fields of the wrong kind or path, naming them", async () => {
    const { runtime } = fixtureRuntime();
    await expect(aggregate(runtime, "items", "sum", { field: "name" })).rejects.toThrow(
      /"name".*not a numeric/,
    );
    await expect(aggregate(runtime, "items", "sum", {})).rejects.toThrow(/needs a field/);
    await expect(aggregate(runtime, "items", "min", { field: "tags" })).rejects.toThrow(InvalidQueryError);
    await expect(aggregate(runtime, "items", "count", { field: "notes.stars" })).rejects.toThrow(
      /not a one relation/,
    );
    await expect(aggregate(runtime, "items", "count", { field: "owner.nope" })).rejects.toThrow(
      /"owner.nope"/,
    );
    await expect(aggregate(runtime, "items", "count", { distinct: true })).rejects.toThrow(/distinct/);
  });
});
