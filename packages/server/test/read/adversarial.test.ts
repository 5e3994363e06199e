/**
 * Hostile and malformed read input: every case is a 400 InvalidQueryError naming what is wrong, no
 * SQL ever sees it, and nothing leaks into Object.prototype.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../../src/db/read/aggregate";
import { findMany } from "../../src/db/read/findMany";
import { groupBy } from "../../src/db/read/groupBy";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { fixtureRuntime } from "./support/runtime";
import { seedFixture } from "./support/seeded";

beforeAll(seedFixture);

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function rejection(args: unknown, table = "items"): Promise<InvalidQueryError> {
  const { runtime, executor } = fixtureRuntime();
  const error = await findMany(runtime, table, args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidQueryError);
  expect(executor.calls).toBe(0);
  const invalid = error as InvalidQueryError;
  expect(invalid.status).toBe(400);
  expect(invalid.body.code).toBe("invalid_query");
  return invalid;
}

function nested(depth: number): Record<string, unknown> {
  let where: Record<string, unknown> = { id: 1 };
  for (let i = 1; i < depth; i++) where = { not: where };
  return where;
}

describe("adversarial reads", () => {
  it("unknown fields and operators name the field", async () => {
    expect((await rejection({ where: { nmae: "x" } })).message).toMatch(
      /Unknown field "nmae".*Did you mean "name"/,
    );
    expect((await rejection({ where: { name: { $like: "x%" } } })).message).toMatch(
      /Unknown operator "\$like" for field "name"/,
    );
    expect((await rejection({ where: { owner: { rnak: 1 } } })).message).toMatch(
      /Unknown field "rnak".*"owners"/,
    );
    expect((await rejection({ columns: { secret: true } })).message).toMatch(/Unknown column "secret"/);
    expect((await rejection({ wher: {} })).message).toMatch(/Unknown argument "wher"/);
    expect((await rejection({ where: { count: { gt: "1; DROP TABLE items" } } })).message).toMatch(
      /"gt" on field "count"/,
    );
  });

  it("orderBy strings with quotes, semicolons and expressions never reach SQL", async () => {
    for (const column of ['name"; DROP TABLE items; --', "name DESC", "1", "(SELECT 1)", "name'"]) {
      expect((await rejection({ orderBy: { column } })).message).toMatch(/Unknown column .* in orderBy/);
    }
    expect((await rejection({ orderBy: { column: "name", direction: "DESC; DROP" } })).message).toMatch(
      /direction/,
    );
    const { runtime } = fixtureRuntime();
    await expect(groupBy(runtime, "items", { by: ['status"--'] })).rejects.toThrow(InvalidQueryError);
    await expect(aggregate(runtime, "items", "sum", { field: "count) FROM items; --" })).rejects.toThrow(
      InvalidQueryError,
    );
  });

  it("refuses __proto__ / constructor / prototype keys, also from JSON.parse", async () => {
    expect((await rejection(JSON.parse('{"where": {"__proto__": {"polluted": 1}}}'))).message).toMatch(
      /Forbidden key "__proto__"/,
    );
    expect((await rejection(JSON.parse('{"where": {"name": {"__proto__": {"eq": "x"}}}}'))).message).toMatch(
      /__proto__/,
    );
    expect((await rejection(JSON.parse('{"__proto__": {"limit": 1}}'))).message).toMatch(
      /Forbidden key "__proto__"/,
    );
    expect((await rejection(JSON.parse('{"with": {"__proto__": true}}'))).message).toMatch(/__proto__/);
    expect((await rejection(JSON.parse('{"columns": {"constructor": true}}'))).message).toMatch(
      /constructor/,
    );
    expect((await rejection({ where: { constructor: { name: "Object" } } })).message).toMatch(/constructor/);
    expect((await rejection(JSON.parse('{"where": {"or": [{"prototype": 1}]}}'))).message).toMatch(
      /prototype/,
    );
  });

  it("accepts 16 levels of nesting and refuses 17", async () => {
    const { runtime } = fixtureRuntime();
    await expect(findMany(runtime, "items", { where: nested(15) })).resolves.toBeDefined();
    expect((await rejection({ where: nested(17) })).message).toMatch(/limit is 16/);
  });

  it("refuses in lists over 1000 items and non-integer limits", async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => i);
    expect((await rejection({ where: { id: { in: ids } } })).message).toMatch(
      /1001 items; the limit is 1000/,
    );
    expect((await rejection({ where: { tags: { includesAny: ids.map(String) } } })).message).toMatch(
      /1001 items/,
    );
    expect((await rejection({ limit: 1.5 })).message).toMatch(/limit/);
    expect((await rejection({ limit: -1 })).message).toMatch(/limit/);
    expect((await rejection({ offset: "10" })).message).toMatch(/offset/);
    expect((await rejection({ limit: 1001 })).message).toMatch(/over the maximum of 1000/);
  });

  it("refuses undefined where values and non-object arguments", async () => {
    expect((await rejection({ where: { id: undefined } })).message).toMatch(/undefined/);
    expect((await rejection("where id = 1")).message).toMatch(/must be an object/);
    expect((await rejection({ where: [] })).message).toMatch(/plain object/);
    expect((await rejection({}, "nope")).message).toMatch(/Unknown table "nope"/);
  });

  it("refuses statements that would need more than 100 bound parameters", async () => {
    const or = Array.from({ length: 120 }, (_, i) => ({ name: `n${i}` }));
    expect((await rejection({ where: { or } })).message).toMatch(/bound parameters, over D1's limit of 100/);
  });
});
