import { beforeAll, describe, expect, it } from "vitest";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: JSON arrays and documents", () => {
  it("includes (all) and includesAny over arrays of scalars", async () => {
    expect(await itemIds({ tags: { includes: ["a", "b"] } })).toEqual([1]);
    expect(await itemIds({ tags: { includes: ["b"] } })).toEqual([1, 2]);
    expect(await itemIds({ tags: { includesAny: ["a", "c"] } })).toEqual([1, 4]);
    expect(await itemIds({ flags: { includes: ["red"] } })).toEqual([1, 5]);
    expect(await itemIds({ flags: { $includesAny: ["blue", "green"] } })).toEqual([4, 5]);
  });

  it("includes: [] is TRUE and includesAny: [] FALSE, even for NULL; otherwise NULL is UNKNOWN", async () => {
    expect(await itemIds({ tags: { includes: [] } })).toEqual([1, 2, 3, 4, 5]);
    expect(await itemIds({ tags: { includesAny: [] } })).toEqual([]);
    expect(await itemIds({ not: { tags: { includes: ["b"] } } })).toEqual([4, 5]);
  });

  it("length takes a number or operators; non-arrays count as empty", async () => {
    expect(await itemIds({ tags: { length: 0 } })).toEqual([5]);
    expect(await itemIds({ tags: { length: { gte: 1 } } })).toEqual([1, 2, 4]);
    expect(await itemIds({ not: { tags: { length: 0 } } })).toEqual([1, 2, 4]);
    expect(await itemIds({ flags: { $length: 0 } })).toEqual([2]);
    expect(await itemIds({ meta: { length: 0 } })).toEqual([1, 3]);
    expect(await itemIds({ meta: { length: 2 } })).toEqual([2]);
  });

  it("element conditions: some object element satisfies all of them", async () => {
    expect(await itemIds({ lines: { sku: "A" } })).toEqual([1, 2]);
    expect(await itemIds({ lines: { sku: "A", qty: { gte: 3 } } })).toEqual([2]);
    expect(await itemIds({ lines: { sku: "A", qty: 2 } })).toEqual([1]);
    expect(await itemIds({ lines: { fragile: true } })).toEqual([2, 5]);
    expect(await itemIds({ lines: { price: { gt: 2.5 } } })).toEqual([2, 5]);
    expect(await itemIds({ lines: { sku: { contains: "a", mode: "insensitive" } } })).toEqual([1, 2, 5]);
    expect(await itemIds({ lines: { sku: "A", fragile: true } })).toEqual([]);
  });

  it("untyped JSON: element fields of object elements, scalar includes", async () => {
    expect(await itemIds({ meta: { kind: "x" } })).toEqual([5]);
    expect(await itemIds({ meta: { n: { gte: 2 } } })).toEqual([5]);
    expect(await itemIds({ meta: { includes: ["x", 1] } })).toEqual([2]);
    expect(await itemIds({ meta: { includesAny: ["plain"] } })).toEqual([]);
  });
});
