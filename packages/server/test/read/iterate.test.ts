import { beforeAll, describe, expect, it } from "vitest";
import { iterate } from "../../src/db/read/iterate";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("iterate", () => {
  it("pages by primary key, one round trip per page", async () => {
    const { runtime, executor } = fixtureRuntime();
    const rows = await collect(iterate(runtime, "items", { pageSize: 2, columns: { name: true } }));
    expect(rows.map((r) => r.name)).toEqual([
      "Alpha",
      "beta 50%",
      null,
      "under_score\\back",
      expect.any(String),
    ]);
    expect(rows[0]).toEqual({ name: "Alpha" });
    expect(executor.calls).toBe(3);
    expect(runtime.reads).toEqual([{ table: "items", where: null }]);
  });

  it("filters, goes descending, and caps the total with limit (no ceiling)", async () => {
    const { runtime } = fixtureRuntime({ defaultLimit: 1, maxLimit: 2 });
    const active = await collect(
      iterate(runtime, "items", { where: { status: "active" }, columns: { id: true } }),
    );
    expect(active.map((r) => r.id)).toEqual([1, 4, 5]);
    const desc = await collect(
      iterate(runtime, "items", { direction: "desc", pageSize: 2, limit: 3, columns: { id: true } }),
    );
    expect(desc.map((r) => r.id)).toEqual([5, 4, 3]);
    const all = await collect(iterate(runtime, "items", { limit: 5000, pageSize: 2, columns: { id: true } }));
    expect(all).toHaveLength(5);
  });

  it("keysets composite keys and loads with per page", async () => {
    const { runtime, executor } = fixtureRuntime();
    const links = await collect(iterate(runtime, "itemsLabelsLinks", { pageSize: 1 }));
    expect(links).toEqual([
      { itemId: 1, labelId: 1 },
      { itemId: 1, labelId: 2 },
      { itemId: 2, labelId: 1 },
      { itemId: 4, labelId: 3 },
    ]);
    executor.reset();
    const withNotes = await collect(
      iterate(runtime, "items", {
        pageSize: 3,
        columns: { id: true },
        with: { notes: { columns: { id: true } } },
      }),
    );
    expect(withNotes.map((r) => (r.notes as unknown[]).length)).toEqual([2, 1, 0, 1, 0]);
    expect(executor.calls).toBe(2);
  });

  it("refuses orderBy, offset and bad page sizes", async () => {
    const { runtime } = fixtureRuntime();
    await expect(collect(iterate(runtime, "items", { orderBy: { column: "id" } }))).rejects.toThrow(
      InvalidQueryError,
    );
    await expect(collect(iterate(runtime, "items", { offset: 1 }))).rejects.toThrow(
      /Unknown argument "offset"/,
    );
    await expect(collect(iterate(runtime, "items", { pageSize: 0 }))).rejects.toThrow(/pageSize/);
    await expect(collect(iterate(runtime, "items", { pageSize: 5000 }))).rejects.toThrow(
      /over the maximum of 1000/,
    );
    await expect(collect(iterate(runtime, "items", { direction: "up" }))).rejects.toThrow(/direction/);
  });
});
