import { beforeAll, describe, expect, it } from "vitest";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: equality and null", () => {
  it("matches bare values and eq, with $ aliases", async () => {
    expect(await itemIds({ status: "active" })).toEqual([1, 4, 5]);
    expect(await itemIds({ status: { eq: "archived" } })).toEqual([2]);
    expect(await itemIds({ status: { $eq: "draft" } })).toEqual([3]);
    expect(await itemIds({ ownerId: "o1" })).toEqual([1, 2]);
    expect(await itemIds({ status: "active", count: 3 })).toEqual([1, 5]);
  });

  it("compares booleans, dates (Date, epoch ms, ISO) and reals exactly", async () => {
    expect(await itemIds({ active: true })).toEqual([1, 4]);
    expect(await itemIds({ active: false })).toEqual([2, 5]);
    expect(await itemIds({ dueAt: new Date("2024-01-01T00:00:00Z") })).toEqual([1, 5]);
    expect(await itemIds({ dueAt: Date.parse("2024-01-01T00:00:00Z") })).toEqual([1, 5]);
    expect(await itemIds({ dueAt: "2024-01-01T00:00:00Z" })).toEqual([1, 5]);
    expect(await itemIds({ score: 0.1 + 0.2 })).toEqual([2]);
    expect(await itemIds({ score: 0.3 })).toEqual([]);
  });

  it("null and eq: null are IS NULL; ne: null is IS NOT NULL", async () => {
    expect(await itemIds({ name: null })).toEqual([3]);
    expect(await itemIds({ name: { eq: null } })).toEqual([3]);
    expect(await itemIds({ name: { ne: null } })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ name: { $ne: null } })).toEqual([1, 2, 4, 5]);
  });

  it("ne on a NULL column is UNKNOWN: the row matches neither ne nor its negation", async () => {
    expect(await itemIds({ count: { ne: 3 } })).toEqual([2, 4]);
    expect(await itemIds({ not: { count: { ne: 3 } } })).toEqual([1, 5]);
    expect(await itemIds({ count: 3 })).toEqual([1, 5]);
    expect(await itemIds({ not: { count: 3 } })).toEqual([2, 4]);
  });
});
