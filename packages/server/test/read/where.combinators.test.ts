import { beforeAll, describe, expect, it } from "vitest";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: and / or / not", () => {
  it("empty and is TRUE, empty or is FALSE", async () => {
    expect(await itemIds({ and: [] })).toEqual([1, 2, 3, 4, 5]);
    expect(await itemIds({ or: [] })).toEqual([]);
    expect(await itemIds({ not: { or: [] } })).toEqual([1, 2, 3, 4, 5]);
    expect(await itemIds({})).toEqual([1, 2, 3, 4, 5]);
  });

  it("combines branches, nested, with $ aliases", async () => {
    expect(await itemIds({ or: [{ status: "draft" }, { count: 7 }] })).toEqual([3, 4]);
    expect(await itemIds({ not: { status: "active" } })).toEqual([2, 3]);
    expect(
      await itemIds({ and: [{ or: [{ count: 3 }, { count: 0 }] }, { not: { active: false } }] }),
    ).toEqual([1]);
    expect(
      await itemIds({
        $or: [{ $and: [{ count: 3 }, { active: false }] }, { $not: { ownerId: { ne: "o1" } } }],
      }),
    ).toEqual([1, 2, 5]);
    expect(await itemIds({ not: { not: { count: { gt: 2 } } } })).toEqual([1, 4, 5]);
  });

  it("uses SQL three-valued logic: NOT UNKNOWN is UNKNOWN, OR/AND decide around it", async () => {
    // Row 3 has a NULL name and count: UNKNOWN for both conditions and for their negations.
    expect(await itemIds({ not: { name: { ne: "Alpha" } } })).toEqual([1]);
    expect(await itemIds({ or: [{ count: { gt: 5 } }, { name: null }] })).toEqual([3, 4]);
    expect(await itemIds({ or: [{ count: { gt: 5 } }, { count: { lte: 5 } }] })).toEqual([1, 2, 4, 5]);
    expect(await itemIds({ and: [{ count: { gt: 5 } }, { name: { ne: "x" } }] })).toEqual([4]);
    // Row 3: UNKNOWN AND TRUE is UNKNOWN, and so is its NOT.
    expect(await itemIds({ not: { and: [{ count: { gt: 5 } }, { status: "draft" }] } })).toEqual([
      1, 2, 4, 5,
    ]);
    // Row 3: UNKNOWN AND FALSE is FALSE, so its NOT is TRUE.
    expect(await itemIds({ not: { and: [{ count: { gt: 5 } }, { status: "active" }] } })).toEqual([
      1, 2, 3, 5,
    ]);
  });

  it("partitions rows into p, NOT p and UNKNOWN", async () => {
    const p = { count: { gt: 2 } };
    const matched = await itemIds(p);
    const negated = await itemIds({ not: p });
    const unknown = [1, 2, 3, 4, 5].filter((id) => !matched.includes(id) && !negated.includes(id));
    expect(matched).toEqual([1, 4, 5]);
    expect(negated).toEqual([2]);
    expect(unknown).toEqual([3]);
  });
});
