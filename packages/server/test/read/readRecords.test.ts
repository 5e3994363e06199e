import { beforeAll, describe, expect, it } from "vitest";
import { findMany } from "../../src/db/read/findMany";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("what a read records", () => {
  it("keys one and many loads by the rows they joined", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", {
      where: { status: "active" },
      columns: { name: true },
      with: { owner: true, notes: { where: { pinned: true } } },
    });
    expect(runtime.reads).toEqual([
      { table: "items", where: { status: { eq: "active" } } },
      { table: "owners", where: { id: { in: ["o1", "o2"] } } },
      { table: "notes", where: { and: [{ itemId: { in: [1, 4, 5] } }, { pinned: { eq: true } }] } },
    ]);
  });

  it("keys manyToMany by parent ids (junction) and loaded ids (target) when every link was loaded", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", { where: { id: { in: [1, 2] } }, with: { labels: true } });
    expect(runtime.reads.slice(1)).toEqual([
      { table: "itemsLabelsLinks", where: { itemId: { in: [1, 2] } } },
      { table: "labels", where: { id: { in: [1, 2] } } },
    ]);
  });

  it("falls back to the entry's where (or the whole table) when a limit or where may hide links", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", { where: { id: 1 }, with: { labels: { where: { name: "urgent" } } } });
    await findMany(runtime, "items", { where: { id: 1 }, with: { labels: { limit: 1 } } });
    await findMany(runtime, "items", { where: { id: 1 }, with: { labels: { _count: true } } });
    const labelReads = runtime.reads.filter((r) => "table" in r && r.table === "labels");
    expect(labelReads).toEqual([
      { table: "labels", where: { name: { eq: "urgent" } } },
      { table: "labels", where: null },
      { table: "labels", where: null },
    ]);
  });

  it("records nested levels keyed by their own parents, and relation filters at table level", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "owners", {
      where: { id: "o2" },
      with: { items: { columns: { name: true }, with: { notes: { where: { item: { active: true } } } } } },
    });
    expect(runtime.reads).toEqual([
      { table: "owners", where: { id: { eq: "o2" } } },
      { table: "items", where: null },
      { table: "items", where: { ownerId: { in: ["o2"] } } },
      { table: "notes", where: { and: [{ itemId: { in: [4, 5] } }, { item: { active: { eq: true } } }] } },
    ]);
  });

  it("records nothing for with loads no parent row reached", async () => {
    const { runtime } = fixtureRuntime();
    await findMany(runtime, "items", { where: { id: 99 }, with: { notes: true, labels: true } });
    expect(runtime.reads).toEqual([{ table: "items", where: { id: { eq: 99 } } }]);
  });
});
