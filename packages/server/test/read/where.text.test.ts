import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { fixtureRuntime } from "./support/runtime";
import { LONG_NAME } from "./support/seed";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: contains / startsWith / endsWith / regex", () => {
  it("treats %, _ and \\ literally", async () => {
    expect(await itemIds({ name: { contains: "%" } })).toEqual([2, 5]);
    expect(await itemIds({ name: { contains: "_" } })).toEqual([4, 5]);
    expect(await itemIds({ name: { contains: "\\" } })).toEqual([4]);
    expect(await itemIds({ name: { contains: "r_s" } })).toEqual([4]);
    expect(await itemIds({ name: { contains: "a%" } })).toEqual([]);
    expect(await itemIds({ name: { endsWith: "%" } })).toEqual([2]);
    expect(await itemIds({ name: { endsWith: "%_" } })).toEqual([5]);
    expect(await itemIds({ name: { startsWith: "under_" } })).toEqual([4]);
  });

  it("is case-sensitive unless mode: insensitive / options: i", async () => {
    expect(await itemIds({ name: { contains: "a" } })).toEqual([1, 2, 4]);
    expect(await itemIds({ name: { contains: "A" } })).toEqual([1]);
    expect(await itemIds({ name: { contains: "A", mode: "insensitive" } })).toEqual([1, 2, 4]);
    expect(await itemIds({ name: { regex: "ALPHA", options: "i" } })).toEqual([1]);
    expect(await itemIds({ name: { $regex: "ALPHA", $options: "i" } })).toEqual([1]);
    expect(await itemIds({ name: { startsWith: "al" } })).toEqual([]);
    expect(await itemIds({ name: { startsWith: "al", mode: "insensitive" } })).toEqual([1]);
    expect(await itemIds({ code: { startsWith: "c-", mode: "insensitive" } })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ code: { endsWith: "-1" } })).toEqual([1]);
  });

  it("handles patterns over D1's 50-byte LIKE cap (no 500)", async () => {
    expect(new TextEncoder().encode(LONG_NAME).length).toBe(60);
    expect(await itemIds({ name: { contains: LONG_NAME } })).toEqual([5]);
    expect(await itemIds({ name: { startsWith: LONG_NAME } })).toEqual([5]);
    expect(await itemIds({ name: { endsWith: LONG_NAME } })).toEqual([5]);
    expect(await itemIds({ name: { contains: LONG_NAME.toUpperCase(), mode: "insensitive" } })).toEqual([5]);
    expect(await itemIds({ name: { endsWith: `z${LONG_NAME}` } })).toEqual([]);
    const { runtime } = fixtureRuntime();
    const long = "é".repeat(200);
    await expect(findMany(runtime, "items", { where: { name: { contains: long } } })).resolves.toEqual([]);
  });

  it("applies to enum columns; the empty pattern matches every non-NULL value", async () => {
    expect(await itemIds({ status: { startsWith: "ar" } })).toEqual([2]);
    expect(await itemIds({ name: { contains: "" } })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ name: { endsWith: "" } })).toEqual([1, 2, 4, 5]);
  });

  it("a NULL column is UNKNOWN: in neither the test nor its negation", async () => {
    expect(await itemIds({ not: { name: { contains: "zzz" } } })).toEqual([1, 2, 4, 5]);
  });
});
