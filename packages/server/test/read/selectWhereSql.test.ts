import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeRow } from "../../src/db/codec";
import { selectWhereSql } from "../../src/db/read/selectWhereSql";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { items, model } from "./support/fixtureData";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

describe("selectWhereSql (before-images for writes)", () => {
  it("selects whole rows keyed by SQL column name", async () => {
    const statement = selectWhereSql(
      model,
      "items",
      { status: "active", dueAt: { gte: "2024-01-01" } },
      { orderBy: { column: "id", direction: "desc" }, limit: 1 },
    );
    const { results } = await env.FIXTURE_DB.prepare(statement.text)
      .bind(...statement.params)
      .all();
    expect(results.map((r) => decodeRow(items, r))).toEqual([
      expect.objectContaining({ id: 5, dueAt: new Date("2024-01-01T00:00:00Z") }),
    ]);
    expect(Object.keys(results[0]!)).toContain("due_at");
  });

  it("selects every row without a where and refuses a bad one", async () => {
    const all = selectWhereSql(model, "items", undefined);
    expect(
      (
        await env.FIXTURE_DB.prepare(all.text)
          .bind(...all.params)
          .all()
      ).results,
    ).toHaveLength(5);
    expect(() => selectWhereSql(model, "items", { nope: 1 })).toThrow(InvalidQueryError);
    const big = selectWhereSql(model, "items", { id: { in: Array.from({ length: 500 }, (_, i) => i) } });
    expect(big.params.length).toBeLessThanOrEqual(100);
  });
});
