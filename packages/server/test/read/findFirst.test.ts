import { beforeAll, describe, expect, it } from "vitest";
import { findFirst } from "../../src/db/read/findFirst";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("findFirst", () => {
  it("returns the first matching row or null", async () => {
    const { runtime, executor } = fixtureRuntime();
    expect(await findFirst(runtime, "items", { where: { status: "active" }, columns: { id: true } })).toEqual(
      { id: 1 },
    );
    expect(
      await findFirst(runtime, "items", {
        where: { status: "active" },
        orderBy: { column: "count", direction: "desc" },
        columns: { id: true },
      }),
    ).toEqual({ id: 4 });
    expect(
      await findFirst(runtime, "items", { where: { status: "active" }, offset: 2, columns: { id: true } }),
    ).toEqual({ id: 5 });
    expect(await findFirst(runtime, "items", { where: { id: 99 } })).toBeNull();
    expect(executor.calls).toBe(4);
  });

  it("loads with relations like findMany", async () => {
    const { runtime } = fixtureRuntime();
    const row = await findFirst(runtime, "notes", {
      where: { id: 3 },
      columns: { body: true },
      with: { item: { columns: { name: true } } },
    });
    expect(row).toEqual({ body: "third", item: { name: "beta 50%" } });
  });

  it("takes no limit", async () => {
    const { runtime } = fixtureRuntime();
    await expect(findFirst(runtime, "items", { limit: 5 })).rejects.toThrow(InvalidQueryError);
    await expect(findFirst(runtime, "items", { limit: 5 })).rejects.toThrow(
      /Unknown argument "limit" for findFirst/,
    );
  });
});
