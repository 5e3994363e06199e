import type { DbView, PublicUserField, RelationNames, Row, TableNames } from "@appflare/schema";
import { describe, expectTypeOf, it } from "vitest";
import type example from "../../../test/boardSchema";
import type { FindManyArgs, WhereInput } from "./readTypes";
import type { Db } from "./TableClient";

type S = typeof example;
type V = DbView<S>;
declare const db: Db<S>;

describe("ctx.db types hide the auth layer's secrets", () => {
  it("has no sessions, accounts or verifications table", () => {
    expectTypeOf<keyof Db<S>>().toEqualTypeOf<
      "projects" | "tasks" | "labels" | "comments" | "attachments" | "users" | "batch" | "transaction"
    >();
    expectTypeOf<TableNames<V>>().toEqualTypeOf<
      "projects" | "tasks" | "labels" | "comments" | "attachments" | "users"
    >();
    // The full schema still has them (the auth layer's view).
    expectTypeOf<"sessions">().toMatchTypeOf<TableNames<S>>();
  });

  it("drops relations reaching them, everywhere relations are named", () => {
    expectTypeOf<RelationNames<V, "users">>().toBeNever();
    expectTypeOf<RelationNames<S, "users">>().toEqualTypeOf<"sessions" | "accounts">();
    // @ts-expect-error users.sessions is not loadable
    db.projects.findMany({ with: { owner: { with: { sessions: true } } } });
    // @ts-expect-error nor accounts
    db.users.findMany({ with: { accounts: true } });
    const leak = { owner: { sessions: { token: { startsWith: "a" } } } };
    // @ts-expect-error nor filterable
    const where: WhereInput<V, "projects"> = leak;
    void where;
    // @ts-expect-error nor in a findMany where
    db.tasks.findMany({ where: { assignee: { accounts: { password: { exists: true } } } } });
    expectTypeOf<{ owner: { email: { contains: "@" } } }>().toMatchTypeOf<WhereInput<V, "projects">>();
    expectTypeOf<{ with: { owner: true } }>().toMatchTypeOf<FindManyArgs<V, "projects">>();
  });

  it("gives users rows exactly the public columns", () => {
    expectTypeOf<keyof Row<V, "users">>().toEqualTypeOf<PublicUserField>();
    type Loaded = Awaited<ReturnType<typeof db.users.findMany<{}>>>[number];
    expectTypeOf<keyof Loaded>().toEqualTypeOf<PublicUserField>();
  });
});
