import { beforeAll, describe, expect, it } from "vitest";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: gt / gte / lt / lte", () => {
  it("compares numbers, reals exactly", async () => {
    expect(await itemIds({ count: { gt: 0 } })).toEqual([1, 4, 5]);
    expect(await itemIds({ count: { gte: 0, lt: 7 } })).toEqual([1, 2, 5]);
    expect(await itemIds({ count: { $lte: 0 } })).toEqual([2]);
    expect(await itemIds({ score: { lt: 0.31 } })).toEqual([2, 4]);
    expect(await itemIds({ score: { gte: 0.1 + 0.2, lte: 0.1 + 0.2 } })).toEqual([2]);
  });

  it("compares dates given as Date, epoch ms or ISO strings", async () => {
    const jan = new Date("2024-01-01T00:00:00Z");
    expect(await itemIds({ dueAt: { gte: jan } })).toEqual([1, 2, 5]);
    expect(await itemIds({ dueAt: { gte: jan.getTime() } })).toEqual([1, 2, 5]);
    expect(await itemIds({ dueAt: { gte: "2024-01-01" } })).toEqual([1, 2, 5]);
    expect(await itemIds({ dueAt: { lt: "2024-01-01" } })).toEqual([4]);
    expect(await itemIds({ dueAt: { gt: jan, lte: new Date("2024-12-31T00:00:00Z") } })).toEqual([2]);
  });

  it("compares booleans as 0/1 and text by code point (BINARY)", async () => {
    expect(await itemIds({ active: { gt: false } })).toEqual([1, 4]);
    expect(await itemIds({ name: { gt: "a" } })).toEqual([2, 4, 5]);
    expect(await itemIds({ code: { lt: "c-2" } })).toEqual([1, 5]);
  });

  it("a NULL column is UNKNOWN: in neither the comparison nor its negation", async () => {
    expect(await itemIds({ count: { gt: 2 } })).toEqual([1, 4, 5]);
    expect(await itemIds({ not: { count: { gt: 2 } } })).toEqual([2]);
  });
});
