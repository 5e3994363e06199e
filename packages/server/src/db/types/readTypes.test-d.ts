import { describe, expectTypeOf, it } from "vitest";
import type fixture from "../../../test/fixtureSchema";
import type {
  AggregateResult,
  FieldCondition,
  FindManyArgs,
  FindResult,
  GroupByResult,
  LoadsRows,
  ReadMethods,
  WhereInput,
  WithInput,
} from "./readTypes";

type S = typeof fixture;
declare const items: ReadMethods<S, "items">;
declare const owners: ReadMethods<S, "owners">;

describe("WhereInput", () => {
  it("types each column's operands", () => {
    expectTypeOf<{ count: { gte: 2 }; name: { contains: "a"; mode: "insensitive" } }>().toMatchTypeOf<
      WhereInput<S, "items">
    >();
    expectTypeOf<{ dueAt: { lt: Date }; active: true; status: { in: ["active", "draft"] } }>().toMatchTypeOf<
      WhereInput<S, "items">
    >();
    expectTypeOf<{ dueAt: "2024-05-01T00:00:00Z"; score: null }>().toMatchTypeOf<WhereInput<S, "items">>();
    expectTypeOf<{ count: { $gte: 1; $lt: 3 }; name: { $regex: "x"; $options: "i" } }>().toMatchTypeOf<
      WhereInput<S, "items">
    >();
    // @ts-expect-error count is a number column
    expectTypeOf<{ count: { gte: "2" } }>().toMatchTypeOf<WhereInput<S, "items">>();
    // @ts-expect-error not an enum member
    expectTypeOf<{ status: "deleted" }>().toMatchTypeOf<WhereInput<S, "items">>();
    // @ts-expect-error contains is for text fields
    expectTypeOf<{ count: { contains: "1" } }>().toMatchTypeOf<WhereInput<S, "items">>();
  });

  it("types JSON columns, relations, combinators and geoWithin", () => {
    expectTypeOf<{
      tags: { includes: ["a"]; length: { gte: 1 } };
      lines: { sku: "A"; qty: { gte: 2 } };
      flags: { includesAny: ["red"] };
      settings: { exists: true };
      meta: { kind: "x"; n: { gt: 1 } };
    }>().toMatchTypeOf<WhereInput<S, "items">>();
    expectTypeOf<{
      owner: { name: { startsWith: "A" } };
      children: { labels: { name: "x" } };
      or: [{ count: 1 }, { not: { active: false } }];
      geoWithin: {
        $geometry: { latitude: 1; longitude: 2 };
        latitudeField: "lat";
        longitudeField: "lng";
        maxDistance: 10;
      };
    }>().toMatchTypeOf<WhereInput<S, "items">>();
    // @ts-expect-error element field qty is a number
    expectTypeOf<{ lines: { qty: "2" } }>().toMatchTypeOf<WhereInput<S, "items">>();
    // @ts-expect-error flags hold "red" | "green" | "blue"
    expectTypeOf<{ flags: { includes: ["pink"] } }>().toMatchTypeOf<WhereInput<S, "items">>();
    const badGeo: WhereInput<S, "items"> = {
      geoWithin: {
        $geometry: { latitude: 1, longitude: 2 },
        // @ts-expect-error geoWithin fields must be numeric columns
        latitudeField: "name",
        longitudeField: "lng",
        maxDistance: 1,
      },
    };
    void badGeo;
  });

  it("maps value types to conditions", () => {
    expectTypeOf<FieldCondition<number>>().toMatchTypeOf<number | null | object>();
    expectTypeOf<5>().toMatchTypeOf<FieldCondition<number>>();
    expectTypeOf<{ in: [true] }>().toMatchTypeOf<FieldCondition<boolean>>();
  });
});

describe("FindResult", () => {
  it("returns full rows without columns or with", () => {
    type R = FindResult<S, "owners", {}>;
    expectTypeOf<R>().toEqualTypeOf<{ id: string; name: string; rank: number | null }>();
  });

  it("keeps only the selected columns", () => {
    type R = FindResult<S, "items", { columns: { id: true; name: true } }>;
    expectTypeOf<R>().toEqualTypeOf<{ id: number; name: string | null }>();
  });

  it("types with: one (nullable) / many / manyToMany, nested, and aggregates", () => {
    type A = {
      columns: { id: true };
      with: {
        owner: { columns: { name: true } };
        notes: { columns: { body: true }; _count: true; _avg: { stars: true }; _max: { writtenAt: true } };
        labels: true;
        children: { columns: { id: true }; with: { parent: { columns: { id: true } } } };
      };
    };
    type R = FindResult<S, "items", A>;
    expectTypeOf<R["owner"]>().toEqualTypeOf<{ name: string } | null>();
    expectTypeOf<R["notes"]>().toEqualTypeOf<{ body: string }[]>();
    expectTypeOf<R["notesAggregate"]>().toEqualTypeOf<{
      count: number;
      avg: { stars: number | null };
      max: { writtenAt: Date | null };
    }>();
    expectTypeOf<R["labels"]>().toEqualTypeOf<{ id: number; name: string; weight: number | null }[]>();
    expectTypeOf<R["children"]>().toEqualTypeOf<{ id: number; parent: { id: number } | null }[]>();
  });

  it("an aggregate-only entry yields no rows", () => {
    type R = FindResult<S, "owners", { with: { items: { _count: true; where: { active: true } } } }>;
    expectTypeOf<R>().toEqualTypeOf<{
      id: string;
      name: string;
      rank: number | null;
      itemsAggregate: { count: number };
    }>();
    expectTypeOf<LoadsRows<{ _count: true; limit: 5 }>>().toEqualTypeOf<true>();
    expectTypeOf<LoadsRows<{ _count: true }>>().toEqualTypeOf<false>();
    expectTypeOf<LoadsRows<true>>().toEqualTypeOf<true>();
    expectTypeOf<AggregateResult<S, "notes", { _sum: { stars: true } }>>().toEqualTypeOf<{
      sum: { stars: number | null };
    }>();
  });

  it("a one relation with a where may be null", () => {
    type R = FindResult<
      S,
      "notes",
      { columns: {}; with: { item: { where: { active: true }; columns: { id: true } } } }
    >;
    expectTypeOf<R>().toEqualTypeOf<{ item: { id: number } | null }>();
    type NoWhere = FindResult<S, "notes", { columns: {}; with: { item: { columns: { id: true } } } }>;
    expectTypeOf<NoWhere>().toEqualTypeOf<{ item: { id: number } }>();
  });
});

describe("ReadMethods", () => {
  it("infers results from literal arguments", async () => {
    const rows = await items.findMany({
      where: { count: { gt: 1 } },
      columns: { name: true },
      with: { owner: true },
    });
    expectTypeOf(rows).toEqualTypeOf<
      { name: string | null; owner: { id: string; name: string; rank: number | null } | null }[]
    >();
    const first = await owners.findFirst({ columns: { name: true } });
    expectTypeOf(first).toEqualTypeOf<{ name: string } | null>();
    for await (const row of owners.iterate({ columns: { id: true }, pageSize: 10 })) {
      expectTypeOf(row).toEqualTypeOf<{ id: string }>();
    }
  });

  it("refuses unknown arguments, fields and relations", () => {
    // @ts-expect-error limitt is not an argument
    void items.findMany({ limitt: 5 });
    // @ts-expect-error unknown column in where
    void items.findMany({ where: { nmae: "x" } });
    // @ts-expect-error unknown relation in with
    void items.findMany({ with: { owners: true } });
    // @ts-expect-error limit does not apply to a one relation
    void items.findMany({ with: { owner: { limit: 1 } } });
    // @ts-expect-error orderBy is not accepted by iterate
    void items.iterate({ orderBy: { column: "id" } });
  });

  it("types aggregates and groupBy", async () => {
    expectTypeOf(
      await items.count({ where: { active: true }, field: "owner.name", distinct: true }),
    ).toEqualTypeOf<number>();
    expectTypeOf(await items.sum({ field: "score" })).toEqualTypeOf<number | null>();
    expectTypeOf(await items.max({ field: "dueAt" })).toEqualTypeOf<Date | null>();
    expectTypeOf(await items.min({ field: "owner.rank" })).toEqualTypeOf<number | null>();
    // @ts-expect-error sum needs a numeric field
    void items.sum({ field: "name" });
    const groups = await items.groupBy({
      by: ["status", "ownerId"],
      _count: true,
      _sum: { score: true },
      _min: { dueAt: true },
      orderBy: { aggregate: "_count", direction: "desc" },
    });
    expectTypeOf(groups).toEqualTypeOf<
      {
        status: "active" | "archived" | "draft" | null;
        ownerId: string | null;
        _count: number;
        _sum: { score: number | null };
        _min: { dueAt: Date | null };
      }[]
    >();
    type G = GroupByResult<S, "notes", { by: "itemId"; _count: { writtenAt: true } }>;
    expectTypeOf<G>().toEqualTypeOf<{ itemId: number; _count: { writtenAt: number } }>();
  });

  it("FindManyArgs and WithInput accept the shapes of docs/data-api.md", () => {
    expectTypeOf<{
      where: { active: true };
      with: {
        notes: {
          where: { pinned: true };
          limit: 5;
          orderBy: { column: "stars"; direction: "desc" };
          _count: true;
        };
      };
      orderBy: [{ column: "dueAt"; direction: "desc" }, { column: "id" }];
      limit: 20;
      offset: 40;
    }>().toMatchTypeOf<FindManyArgs<S, "items">>();
    expectTypeOf<{ labels: { with: { items: { columns: { id: true } } } } }>().toMatchTypeOf<
      WithInput<S, "items">
    >();
  });
});
