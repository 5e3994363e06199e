import { beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../../src/db/read/aggregate";
import { findFirst } from "../../src/db/read/findFirst";
import { findMany } from "../../src/db/read/findMany";
import { groupBy } from "../../src/db/read/groupBy";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("D1 round trips", () => {
  it("findMany with where + two levels of with + _count is exactly one call", async () => {
    const { runtime, executor } = fixtureRuntime();
    const rows = await findMany(runtime, "owners", {
      where: { name: { in: ["Ada", "Bob"] } },
      with: {
        items: {
          where: { status: { ne: "draft" } },
          with: { notes: { columns: { body: true } }, labels: true },
          _count: true,
        },
      },
    });
    expect(executor.calls).toBe(1);
    expect(rows.map((r) => (r.itemsAggregate as { count: number }).count)).toEqual([2, 2]);
    expect((rows[0]!.items as Array<{ notes: unknown[] }>)[0]!.notes).toHaveLength(2);
  });

  it("every read API call is one call", async () => {
    const { runtime, executor } = fixtureRuntime();
    await findFirst(runtime, "items", { with: { owner: true, notes: { _count: true } } });
    expect(executor.calls).toBe(1);
    await aggregate(runtime, "items", "count", { where: { labels: {} } });
    expect(executor.calls).toBe(2);
    await groupBy(runtime, "items", { by: "status", _count: true });
    expect(executor.calls).toBe(3);
  });
});
