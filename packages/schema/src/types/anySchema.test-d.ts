import { describe, expectTypeOf, it } from "vitest";
import type { Insert, Row } from "./Row";
import type { RelationKind, RelationNames, RelationTarget } from "./relations";
import type { AnySchema, TableNames } from "./schemaTables";

describe("type helpers on an unknown schema", () => {
  it("stay usable and never become any", () => {
    expectTypeOf<TableNames<AnySchema>>().toEqualTypeOf<string>();
    expectTypeOf<Row<AnySchema, "anything">>().not.toBeAny();
    expectTypeOf<Row<AnySchema, "anything">>().toExtend<Record<string, unknown>>();
    expectTypeOf<Insert<AnySchema, "anything">>().not.toBeAny();
    expectTypeOf<Row<AnySchema, "users">["email"]>().toEqualTypeOf<string>();
    expectTypeOf<RelationNames<AnySchema, "anything">>().toEqualTypeOf<string>();
    expectTypeOf<RelationTarget<AnySchema, "anything", "rel">>().toEqualTypeOf<string>();
    expectTypeOf<RelationKind<AnySchema, "anything", "rel">>().toEqualTypeOf<"one" | "many" | "manyToMany">();
    expectTypeOf<RelationNames<AnySchema, "sessions">>().toEqualTypeOf<"user">();
  });
});
