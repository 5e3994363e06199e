import { describe, expectTypeOf, it } from "vitest";
import type schema from "../../test/boardSchema";
import { modules } from "../../test/http/app/modules";
import type { ReadSet } from "../db/ReadRecord";
import { createWorker } from "./createWorker";

declare const exampleSchema: typeof schema;

describe("createWorker types", () => {
  const app = createWorker({ schema: exampleSchema, config: { name: "typed" }, modules });

  it("exposes a Worker entry that fits workers-types' ExportedHandler", () => {
    expectTypeOf(app.worker).toExtend<ExportedHandler<Cloudflare.Env>>();
    expectTypeOf(app.worker.fetch).returns.toEqualTypeOf<Promise<Response>>();
  });

  it("types runQuery's result and options", () => {
    expectTypeOf(app.runQuery).returns.resolves.toEqualTypeOf<{
      readonly data: unknown;
      readonly readSet: ReadSet;
    }>();
    expectTypeOf(app.runQuery).parameter(2).toHaveProperty("env").toEqualTypeOf<Cloudflare.Env>();
  });

  it("rejects unknown config keys at compile time", () => {
    // @ts-expect-error `scandir` is not a config key
    createWorker({ schema: exampleSchema, config: { scandir: "./src" }, modules });
  });
});
