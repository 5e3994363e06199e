import { beforeAll, describe, expect, it } from "vitest";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: exists", () => {
  it("exists: true is IS NOT NULL and exists: false IS NULL, never UNKNOWN", async () => {
    expect(await itemIds({ name: { exists: true } })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ name: { exists: false } })).toEqual([3]);
    expect(await itemIds({ not: { count: { $exists: true } } })).toEqual([3]);
    expect(await itemIds({ dueAt: { exists: true, gte: "2024-01-01" } })).toEqual([1, 2, 5]);
  });

  it("works on JSON columns", async () => {
    expect(await itemIds({ settings: { exists: false } })).toEqual([2, 3]);
    expect(await itemIds({ meta: { exists: true } })).toEqual([1, 2, 3, 5]);
    expect(await itemIds({ settings: null })).toEqual([2, 3]);
    expect(await itemIds({ settings: { ne: null } })).toEqual([1, 4, 5]);
  });
});
