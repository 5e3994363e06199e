import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
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
    // @ts-expect-error unknown nested key
    defineConfig({ database: { query: { maxLimt: 10 } } });
    // @ts-expect-error wrong type
    defineConfig({ realtime: { shards: "2" } });
    expectTypeOf(defineConfig({ cors: ["*"] })).toEqualTypeOf<AppflareConfig>();
  });
});
