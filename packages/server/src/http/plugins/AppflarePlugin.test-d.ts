import { describe, expectTypeOf, it } from "vitest";
import type schema from "../../../test/boardSchema";
import { modules } from "../../../test/http/app/modules";
import type { SessionsRevoked } from "../../auth/SessionsRevoked";
import type { MutationEvent } from "../../db/MutationEvent";
import { createWorker } from "../createWorker";
import type { CallResult } from "../HandlerEngine";
import type { ResolvedSession } from "../WorkerHooks";
import type { AppflarePlugin, PluginHooks } from "./AppflarePlugin";
import type { PluginHost, SystemContext } from "./PluginHost";

declare const exampleSchema: typeof schema;

interface MyEnv {
  readonly DB: D1Database;
  readonly SECRET: string;
}

describe("plugin types", () => {
  it("threads the worker's Env through the host and hooks", () => {
    const plugin: AppflarePlugin<MyEnv> = {
      name: "typed",
      setup(host) {
        expectTypeOf(host).toEqualTypeOf<PluginHost<MyEnv>>();
        expectTypeOf(host.resolveToken).returns.resolves.toEqualTypeOf<ResolvedSession | null>();
        expectTypeOf(host.runQuery).parameter(2).toHaveProperty("env").toEqualTypeOf<MyEnv>();
        expectTypeOf(host.runHandler).returns.resolves.toEqualTypeOf<CallResult>();
        expectTypeOf(host.storageBucket).returns.toEqualTypeOf<R2Bucket | undefined>();
        host.app.get("/typed", (c) => {
          expectTypeOf(c.env).toEqualTypeOf<MyEnv>();
          expectTypeOf(c.get("requestId")).toEqualTypeOf<string>();
          return c.text("ok");
        });
        return {
          onMutationEvents(events, info) {
            expectTypeOf(events).toEqualTypeOf<readonly MutationEvent[]>();
            expectTypeOf(info.env).toEqualTypeOf<MyEnv>();
          },
          onSessionsRevoked(change, info) {
            expectTypeOf(change).toEqualTypeOf<SessionsRevoked>();
            expectTypeOf(info.env).toEqualTypeOf<MyEnv>();
          },
        };
      },
    };
    const app = createWorker<MyEnv>({ schema: exampleSchema, config: {}, modules, plugins: [plugin] });
    expectTypeOf(app.exports).toEqualTypeOf<Readonly<Record<string, unknown>>>();
  });

  it("withContext returns what fn returns and gives a system context", () => {
    const host = {} as PluginHost<MyEnv>;
    const out = host.withContext({ env: {} as MyEnv, name: "dashboard" }, async (ctx) => {
      expectTypeOf(ctx).toEqualTypeOf<SystemContext>();
      return 42 as const;
    });
    expectTypeOf(out).resolves.toEqualTypeOf<42>();
    // @ts-expect-error `name` is required: events are reported under it
    host.withContext({ env: {} as MyEnv }, async () => 1);
  });

  it("setup may return nothing; hooks and exports are optional", () => {
    expectTypeOf<{ name: "x"; setup: () => undefined }>().toExtend<AppflarePlugin<MyEnv>>();
    expectTypeOf<{}>().toExtend<PluginHooks<MyEnv>>();
    expectTypeOf<SessionsRevoked["reason"]>().toEqualTypeOf<"sign-out" | "ban" | "revoke" | "delete">();
  });

  it("a plugin for another Env does not fit the worker", () => {
    const other = {} as AppflarePlugin<{ readonly OTHER: KVNamespace }>;
    // @ts-expect-error the plugin's env is not the worker's
    createWorker<MyEnv>({ schema: exampleSchema, config: {}, modules, plugins: [other] });
  });
});
