import { anonymous } from "better-auth/plugins/anonymous";
import { describe, expectTypeOf, it } from "vitest";
import type schema from "../../test/boardSchema";
import { defineConfig } from "../config/defineConfig";
import { defineHandlers } from "../handlers/defineHandlers";
import type {
  AppflareAuth,
  AuthContext,
  AuthOptions,
  AuthOptionsOf,
  AuthSession,
  AuthUser,
} from "./AppflareAuth";
import { requireRole } from "./requireRole";

const options = {
  user: {
    additionalFields: {
      plan: { type: "string", required: true, defaultValue: "free" },
      credits: { type: "number", required: false },
    },
  },
} satisfies AuthOptions;
type Options = typeof options;

describe("auth types", () => {
  it("AuthUser has Better Auth's fields, the admin plugin's and the app's additional fields", () => {
    type User = AuthUser<Options>;
    expectTypeOf<User["id"]>().toEqualTypeOf<string>();
    expectTypeOf<User["email"]>().toEqualTypeOf<string>();
    expectTypeOf<User["plan"]>().toEqualTypeOf<string>();
    expectTypeOf<User["credits"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<User["role"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<User["banned"]>().toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf<User["banExpires"]>().toEqualTypeOf<Date | null | undefined>();
    // @ts-expect-error not an additional field
    type _Missing = AuthUser<{}>["plan"];
  });

  it("AuthSession is Better Auth's session", () => {
    expectTypeOf<AuthSession["token"]>().toEqualTypeOf<string>();
    expectTypeOf<AuthSession["userId"]>().toEqualTypeOf<string>();
  });

  it("AuthOptionsOf reads the options of a config type", () => {
    const config = { name: "app", auth: { options } };
    expectTypeOf<AuthOptionsOf<typeof config>>().toEqualTypeOf<Options>();
    expectTypeOf<AuthOptionsOf<{ name: string }>>().toEqualTypeOf<{}>();
    expectTypeOf<AuthUser<AuthOptionsOf<typeof config>>["plan"]>().toEqualTypeOf<string>();
  });

  it("AuthOptionsOf keeps every field when one is an enum (a readonly tuple under defineConfig)", () => {
    const config = defineConfig({
      auth: {
        options: {
          user: {
            additionalFields: {
              plan: { type: "string", required: false },
              tier: { type: ["basic", "pro"], required: false },
            },
          },
        },
      },
    });
    type User = AuthUser<AuthOptionsOf<typeof config>>;
    expectTypeOf<User["plan"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<User["tier"]>().toEqualTypeOf<"basic" | "pro" | null | undefined>();
  });

  it("ctx.user, ctx.session and ctx.auth are typed in handlers; jobs have no user", () => {
    const { query, scheduler } = defineHandlers<typeof schema, Cloudflare.Env, AuthContext<Options>>();
    query({
      handler: async (ctx) => {
        expectTypeOf(ctx.user).toEqualTypeOf<AuthUser<Options> | null>();
        expectTypeOf(ctx.session).toEqualTypeOf<AuthSession<Options> | null>();
        expectTypeOf(ctx.auth).toEqualTypeOf<AppflareAuth<Options>>();
        if (ctx.user) expectTypeOf(ctx.user.plan).toEqualTypeOf<string>();
        // The admin plugin's endpoints are on ctx.auth.api.
        expectTypeOf(ctx.auth.api.banUser).toBeFunction();
        expectTypeOf(ctx.auth.api.getSession).toBeFunction();
      },
    });
    scheduler({
      handler: (ctx) => {
        expectTypeOf(ctx.user).toEqualTypeOf<null>();
        expectTypeOf(ctx.auth).toEqualTypeOf<AppflareAuth<Options>>();
      },
    });
  });

  it("app plugins add their endpoints (and user fields) to the instance", () => {
    const withPlugin = { plugins: [anonymous()] } satisfies AuthOptions;
    type WithPlugin = AppflareAuth<typeof withPlugin>;
    expectTypeOf<WithPlugin["api"]["signInAnonymous"]>().toBeFunction();
    expectTypeOf<WithPlugin["api"]["banUser"]>().toBeFunction();
    expectTypeOf<AuthUser<typeof withPlugin>["isAnonymous"]>().toEqualTypeOf<boolean | null | undefined>();
  });

  it("requireRole fits a middleware slot", () => {
    const { mutation } = defineHandlers<typeof schema, Cloudflare.Env, AuthContext<Options>>();
    mutation({ middleware: requireRole("admin", "editor"), handler: () => null });
    // @ts-expect-error at least one role
    requireRole();
  });
});
