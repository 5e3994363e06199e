import type { Row } from "@appflare/schema";
import { describe, expectTypeOf, it } from "vitest";
import type schema from "../../test/boardSchema";
import { defineConfig } from "../config/defineConfig";
import type { HandlerContext } from "../handlers/HandlerContext";
import type { AppSchemaOf, UserFieldsOfConfig } from "./AppSchemaOf";

const config = defineConfig({
  auth: {
    options: {
      user: {
        additionalFields: {
          plan: { type: "string", required: false, defaultValue: "free" },
          seats: { type: "number", required: false },
          tier: { type: ["basic", "pro"], required: false },
        },
      },
    },
  },
});

type S = AppSchemaOf<typeof schema, typeof config>;

describe("AppSchemaOf", () => {
  it("adds the config's user.additionalFields to users and keeps every other table", () => {
    expectTypeOf<keyof UserFieldsOfConfig<typeof config>>().toEqualTypeOf<"plan" | "seats" | "tier">();
    expectTypeOf<Row<S, "users">["seats"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Row<S, "users">["tier"]>().toEqualTypeOf<"basic" | "pro" | null>();
    expectTypeOf<Row<S, "tasks">>().toEqualTypeOf<Row<typeof schema, "tasks">>();
  });

  it("is the plain schema for a config without fields", () => {
    expectTypeOf<Row<AppSchemaOf<typeof schema, { name: "x" }>, "users">>().toEqualTypeOf<
      Row<typeof schema, "users">
    >();
  });

  it("lets ctx.db.users filter on and return the additional columns", () => {
    const read = async (ctx: HandlerContext<S, Cloudflare.Env>) => {
      const pro = await ctx.db.users.findMany({ where: { tier: "pro", seats: { gte: 5 } } });
      // @ts-expect-error not one of the tier values
      await ctx.db.users.findMany({ where: { tier: "gold" } });
      return pro;
    };
    expectTypeOf<Awaited<ReturnType<typeof read>>[number]["tier"]>().toEqualTypeOf<"basic" | "pro" | null>();
  });
});
