import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("where: in / nin", () => {
  it("matches list members; a NULL column is UNKNOWN for both", async () => {
    expect(await itemIds({ count: { in: [0, 7] } })).toEqual([2, 4]);
    expect(await itemIds({ count: { nin: [0, 7] } })).toEqual([1, 5]);
    expect(await itemIds({ not: { count: { in: [0, 7] } } })).toEqual([1, 5]);
    expect(await itemIds({ status: { $in: ["draft", "archived"] } })).toEqual([2, 3]);
    expect(await itemIds({ active: { in: [true] } })).toEqual([1, 4]);
    expect(
      await itemIds({ dueAt: { in: [new Date("2024-01-01T00:00:00Z"), "2023-01-01T00:00:00Z"] } }),
    ).toEqual([1, 4, 5]);
  });

  it("in: [] matches nothing and nin: [] is no filter, NULL rows included", async () => {
    expect(await itemIds({ count: { in: [] } })).toEqual([]);
    expect(await itemIds({ not: { count: { in: [] } } })).toEqual([1, 2, 3, 4, 5]);
    expect(await itemIds({ count: { nin: [] } })).toEqual([1, 2, 3, 4, 5]);
  });

  it("lists past D1's 100 bound parameters fall back to one JSON parameter", async () => {
    const { runtime, executor } = fixtureRuntime();
    expect(await itemIds({ id: { in: range(1, 1000) } })).toEqual([1, 2, 3, 4, 5]);
    expect(await itemIds({ id: { nin: range(3, 200) } })).toEqual([1, 2]);
    expect(await itemIds({ id: { in: range(1, 60) }, count: { in: range(0, 60) } })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ code: { in: range(0, 999).map((i) => `c-${i}`) } })).toEqual([1, 2, 4]);
    await findMany(runtime, "items", { where: { id: { in: range(1, 1000) } } });
    expect(executor.calls).toBe(1);
  });

  it("refuses lists over 1000 items, naming the field", async () => {
    const { runtime } = fixtureRuntime();
    const read = findMany(runtime, "items", { where: { id: { in: range(1, 1001) } } });
    await expect(read).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(read).rejects.toThrow(/"in" on field "id".*1001 items; the limit is 1000/);
  });
});
