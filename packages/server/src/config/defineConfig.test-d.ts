import { anonymous } from "better-auth/plugins/anonymous";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type { AuthOptionsOf, AuthUser } from "../auth/AppflareAuth";
import type { AppflareConfig } from "./AppflareConfig";
import type { configSchema } from "./configSchema";
import { defineConfig } from "./defineConfig";

describe("AppflareConfig", () => {
  it("matches what the runtime schema accepts", () => {
    expectTypeOf<z.input<typeof configSchema>>().toEqualTypeOf<AppflareConfig>();
  });

  it("catches misspelt keys at compile time, nested ones included", () => {
    // @ts-expect-error unknown top-level key
    defineConfig({ scandir: "./src" });
    // @ts-expect-error unknown top-level key next to known ones
    defineConfig({ name: "app", scandir: "./src" });
    // @ts-expect-error unknown nested key
    defineConfig({ database: { query: { maxLimt: 10 } } });
    // @ts-expect-error wrong type
    defineConfig({ realtime: { shards: "2" } });
  });

  it("returns the literal config type (still an AppflareConfig)", () => {
    const config = defineConfig({ cors: ["*"], name: "app" });
    expectTypeOf(config).toEqualTypeOf<{ readonly cors: ["*"]; readonly name: "app" }>();
    expectTypeOf(config).toExtend<AppflareConfig>();
    const wide: AppflareConfig = { name: "x" };
    expectTypeOf(defineConfig(wide)).toEqualTypeOf<AppflareConfig>();
  });

  it("lets auth option literals reach the user type", () => {
    const config = defineConfig({
      auth: {
        options: {
          user: { additionalFields: { plan: { type: "string", required: true } } },
          plugins: [anonymous()],
        },
      },
    });
    type User = AuthUser<AuthOptionsOf<typeof config>>;
    expectTypeOf<User["plan"]>().toEqualTypeOf<string>();
    expectTypeOf<User["isAnonymous"]>().toEqualTypeOf<boolean | null | undefined>();
  });
});
