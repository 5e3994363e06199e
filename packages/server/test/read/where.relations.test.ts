import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { fixtureRuntime } from "./support/runtime";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("where: relation filters (EXISTS)", () => {
  it("filters through a one relation; a NULL FK has no related row", async () => {
    expect(await itemIds({ owner: { name: "Ada" } })).toEqual([1, 2]);
    expect(await itemIds({ owner: { rank: { gt: 1 } } })).toEqual([4, 5]);
    expect(await itemIds({ not: { owner: { name: "Ada" } } })).toEqual([3, 4, 5]);
    expect(await itemIds({ owner: {} })).toEqual([1, 2, 4, 5]);
  });

  it("filters through many and manyToMany relations", async () => {
    expect(await itemIds({ notes: { stars: { gte: 4 } } })).toEqual([1, 2]);
    expect(await itemIds({ notes: {} })).toEqual([1, 2, 4]);
    expect(await itemIds({ not: { notes: {} } })).toEqual([3, 5]);
    expect(await itemIds({ labels: { name: "urgent" } })).toEqual([1, 2]);
    expect(await itemIds({ labels: { weight: null } })).toEqual([4]);
    expect(await itemIds({ labels: { name: "urgent" }, notes: { pinned: false } })).toEqual([1, 2]);
  });

  it("aliases self relations and nested relation filters apart", async () => {
    expect(await itemIds({ parent: { name: "Alpha" } })).toEqual([2, 3]);
    expect(await itemIds({ children: { status: "active" } })).toEqual([2]);
    expect(await itemIds({ children: { children: {} } })).toEqual([1]);
    expect(await itemIds({ parent: { parent: { id: 1 } } })).toEqual([4]);
    expect(
      await itemIds({ parent: { notes: { body: "first" } }, children: { owner: { name: "Bob" } } }),
    ).toEqual([2]);
    const { runtime } = fixtureRuntime();
    const owners = await findMany(runtime, "owners", { where: { items: { labels: { name: "misc" } } } });
    expect(owners.map((o) => o.id)).toEqual(["o2"]);
  });

  it("records a table-level read of every table a relation filter reached", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", { where: { labels: { name: "urgent" }, owner: { name: "Ada" } } });
    expect(runtime.reads).toEqual(
      expect.arrayContaining([
        { table: "labels", where: null },
        { table: "itemsLabelsLinks", where: null },
        { table: "owners", where: null },
      ]),
    );
    expect(runtime.reads[0]).toEqual({
      table: "items",
      where: { labels: { name: { eq: "urgent" } }, owner: { name: { eq: "Ada" } } },
    });
  });
});
