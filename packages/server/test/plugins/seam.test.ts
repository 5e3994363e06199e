import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BannedError,
  HandlerError,
  InvalidArgsError,
  NotFoundError,
  UnauthorizedError,
} from "../../src/errors/AppflareError";
import type { PluginHost } from "../../src/http/plugins/PluginHost";
import { authEnv, bearer, count, migrateAuthDb, send, signUp } from "../auth/support";
import { makePluginWorker, pluginConfig, recorder } from "./support";

const appHookEvents: string[] = [];
const order: string[] = [];
const { plugin, recording } = recorder("recorder", (host) => {
  host.app.get("/plugin/hello", (c) => c.json({ from: "plugin", requestId: c.get("requestId") }));
  // Mounted before the core routes: this one shadows the core query route of the same path.
  host.app.get("/queries/labels/count", (c) => c.json({ shadowedBy: "plugin" }));
  host.app.use("/mutations/*", async (c, next) => {
    order.push("plugin middleware");
    if (c.req.header("x-block") === "yes") return c.json({ code: "blocked" }, 418);
    await next();
  });
  return undefined;
});
const second = recorder("second");
const worker = makePluginWorker([plugin, second.plugin], {
  config: { ...pluginConfig, cors: ["https://app.example.com"] },
  hooks: { onMutationEvents: (events, info) => void appHookEvents.push(`${info.name}:${events.length}`) },
});
const host = () => recording.host as PluginHost<Cloudflare.Env>;

beforeAll(migrateAuthDb);

describe("plugin routes", () => {
  it("are mounted before the core routes and run behind the global middleware (request id, CORS)", async () => {
    const hello = await send(worker, "GET", "/plugin/hello", {
      headers: { origin: "https://app.example.com", "x-request-id": "req-plugin-1" },
    });
    expect(hello.status).toBe(200);
    expect(hello.body).toEqual({ from: "plugin", requestId: "req-plugin-1" });
    expect(hello.headers.get("x-request-id")).toBe("req-plugin-1");
    expect(hello.headers.get("access-control-allow-origin")).toBe("https://app.example.com");

    const shadowed = await send(worker, "GET", "/queries/labels/count");
    expect(shadowed.body).toEqual({ shadowedBy: "plugin" });
  });

  it("plugin middleware runs before a core route and can refuse it: nothing is written", async () => {
    const before = await count("labels");
    order.length = 0;
    const refused = await send(worker, "POST", "/mutations/labels/add", {
      json: { name: "blocked" },
      headers: { "x-block": "yes" },
    });
    expect(refused.status).toBe(418);
    expect(order).toEqual(["plugin middleware"]);
    expect(await count("labels")).toBe(before);
  });
});

describe("events reach every plugin", () => {
  it("from a mutation over HTTP, with the app's own hook still called", async () => {
    recording.events.length = 0;
    second.recording.events.length = 0;
    appHookEvents.length = 0;
    const res = await send(worker, "POST", "/mutations/labels/add", { json: { name: "from-http" } });
    expect(res.status).toBe(200);
    for (const seen of [recording.events, second.recording.events]) {
      expect(seen).toHaveLength(1);
      expect(seen[0]?.info).toMatchObject({ name: "labels/add", kind: "mutation" });
      expect(seen[0]?.events[0]).toMatchObject({ kind: "insert", table: "labels" });
    }
    expect(appHookEvents).toEqual(["labels/add:1"]);
  });

  it("from host.withContext writes, reported under the given name, with ctx.user as given", async () => {
    recording.events.length = 0;
    const before = await count("labels");
    const ctx = createExecutionContext();
    const seenUser = await host().withContext(
      { env: authEnv, executionCtx: ctx, name: "dashboard", user: { id: "admin-1", role: "admin" } },
      async (sys) => {
        // A plugin serves any schema: its `db` is not typed by table.
        await sys.db.labels?.insert({ values: { name: "from-system" } as never });
        return sys.user?.id ?? null;
      },
    );
    await waitOnExecutionContext(ctx);
    expect(seenUser).toBe("admin-1");
    expect(await count("labels")).toBe(before + 1);
    expect(recording.events).toHaveLength(1);
    expect(recording.events[0]?.info).toMatchObject({ name: "dashboard", kind: "mutation" });
    expect(recording.events[0]?.events[0]).toMatchObject({ kind: "insert", table: "labels" });
  });

  it("host.withContext gets the schema's validation: a bad write throws, writes and publishes nothing", async () => {
    recording.events.length = 0;
    const before = await count("labels");
    const ctx = createExecutionContext();
    await expect(
      host().withContext({ env: authEnv, executionCtx: ctx, name: "dashboard" }, async (sys) => {
        // `name` is NOT NULL in the schema.
        await sys.db.labels?.insert({ values: { name: null } as never });
      }),
    ).rejects.toThrow(/name/);
    await waitOnExecutionContext(ctx);
    expect(await count("labels")).toBe(before);
    expect(recording.events).toHaveLength(0);
  });

  it("a plugin whose hook throws does not keep the others from their events", async () => {
    const loud = recorder("loud", () => ({}));
    const quiet = recorder("quiet");
    const failing = {
      name: "failing",
      setup: () => ({
        onMutationEvents: () => {
          throw new Error("boom");
        },
      }),
    };
    const w = makePluginWorker([loud.plugin, failing, quiet.plugin]);
    const res = await send(w, "POST", "/mutations/labels/add", { json: { name: "isolated" } });
    expect(res.status).toBe(200);
    expect(loud.recording.events).toHaveLength(1);
    expect(quiet.recording.events).toHaveLength(1);
  });
});

describe("host.runHandler / runQuery", () => {
  const env = () => ({ env: authEnv });

  it("runs a query as the chosen user, with ctx.request a request to the handler's route", async () => {
    const result = await host().runHandler("query", "labels/whoami", {}, { ...env(), user: { id: "u-1" } });
    expect(result.data).toEqual({ id: "u-1", requestPath: "/queries/labels/whoami" });
    expect(result.readSet.usesUser).toBe(true);
  });

  it("applies authRequired, ban, middleware and args checks as HTTP does", async () => {
    await expect(host().runHandler("query", "labels/whoami", {}, env())).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(
      host().runHandler("query", "labels/whoami", {}, { ...env(), user: { id: "u-2", banned: true } }),
    ).rejects.toBeInstanceOf(BannedError);
    await expect(
      host().runHandler("query", "labels/adminOnly", {}, { ...env(), user: { id: "u-3", role: "user" } }),
    ).rejects.toBeInstanceOf(HandlerError);
    expect(
      (
        await host().runHandler(
          "query",
          "labels/adminOnly",
          {},
          { ...env(), user: { id: "a", role: "admin" } },
        )
      ).data,
    ).toBe("secret");
    await expect(host().runHandler("query", "labels/nope", {}, env())).rejects.toBeInstanceOf(NotFoundError);
    // A query name is not a mutation name.
    await expect(host().runHandler("mutation", "labels/count", {}, env())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refused mutations write nothing; an accepted one publishes its events", async () => {
    const before = await count("labels");
    recording.events.length = 0;
    await expect(
      host().runHandler("mutation", "labels/addMine", { suffix: "x" }, env()),
    ).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(
      host().runHandler(
        "mutation",
        "labels/addMine",
        { suffix: "x" },
        { ...env(), user: { id: "b", banned: true } },
      ),
    ).rejects.toBeInstanceOf(BannedError);
    await expect(
      host().runHandler("mutation", "labels/addMine", { suffix: 42 }, { ...env(), user: { id: "c" } }),
    ).rejects.toBeInstanceOf(InvalidArgsError);
    expect(await count("labels")).toBe(before);
    expect(recording.events).toHaveLength(0);

    const ctx = createExecutionContext();
    const { data } = await host().runHandler(
      "mutation",
      "labels/addMine",
      { suffix: "ok" },
      { ...env(), user: { id: "runner" }, executionCtx: ctx },
    );
    await waitOnExecutionContext(ctx);
    expect(data).toMatchObject([{ name: "runner:ok" }]);
    expect(await count("labels")).toBe(before + 1);
    expect(recording.events).toHaveLength(1);
    expect(recording.events[0]?.info).toMatchObject({ name: "labels/addMine", kind: "mutation" });
  });

  it("host.runQuery is the worker's runQuery (a read set, no mutation allowed by name)", async () => {
    const viaHost = await host().runQuery("labels/count", {}, env());
    const viaWorker = await worker.runQuery("labels/count", {}, env());
    expect(viaHost.data).toBe(viaWorker.data);
    expect(viaHost.readSet.reads[0]).toMatchObject({ table: "labels" });
    await expect(host().runQuery("labels/add", { name: "x" }, env())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("host identity helpers", () => {
  it("resolveSession and resolveToken find the caller of a signed token; unsigned or forged tokens are anonymous", async () => {
    const { token, userId } = await signUp(worker, "host-token@example.test");
    const viaRequest = await host().resolveSession(
      new Request("http://x/", { headers: bearer(token) }),
      authEnv,
    );
    expect(viaRequest?.user.id).toBe(userId);
    expect((await host().resolveToken(token, authEnv))?.user.id).toBe(userId);
    const [bare] = token.split(".");
    for (const bad of [bare as string, `${bare}.forged-signature`, "", "a b.c", `${token} extra`]) {
      expect(await host().resolveToken(bad, authEnv)).toBeNull();
    }
    expect(await host().resolveSession(new Request("http://x/"), authEnv)).toBeNull();
  });

  it("exposes config, the extended schema, handlers, auth and the storage bucket", () => {
    const h = host();
    expect(h.config.storage?.binding).toBe("STORAGE");
    expect(h.schema.model.tables.users?.columns).toHaveProperty("plan");
    expect(h.handlers.map((x) => x.name)).toContain("labels/add");
    expect(h.auth?.basePath).toBe("/api/auth");
    expect(h.storageBucket(authEnv)).toBe(authEnv.STORAGE);

    const { plugin: p, recording: r } = recorder("nostorage");
    makePluginWorker([p], { config: { auth: { enabled: false } } });
    expect(r.host?.storageBucket(authEnv)).toBeUndefined();
    expect(r.host?.auth).toBeUndefined();
  });
});

describe("plugin registration", () => {
  it("merges plugin exports onto the result", () => {
    class FakeObject {}
    const w = makePluginWorker([
      { name: "a", setup: () => ({ exports: { AppflareRealtime: FakeObject } }) },
      { name: "b", setup: () => undefined },
    ]);
    expect(w.exports).toEqual({ AppflareRealtime: FakeObject });
    expect(makePluginWorker([]).exports).toEqual({});
  });

  it("refuses two plugins with one name, naming it", () => {
    expect(() =>
      makePluginWorker([
        { name: "realtime", setup: () => undefined },
        { name: "realtime", setup: () => undefined },
      ]),
    ).toThrow(/two plugins are named "realtime"/);
  });

  it("refuses two plugins exporting one name, naming both", () => {
    expect(() =>
      makePluginWorker([
        { name: "a", setup: () => ({ exports: { Shared: 1 } }) },
        { name: "b", setup: () => ({ exports: { Shared: 2 } }) },
      ]),
    ).toThrow(/plugins "a" and "b" both export "Shared"/);
  });

  it("refuses a plugin without a name or setup", () => {
    expect(() => makePluginWorker([{ name: "", setup: () => undefined }])).toThrow(/non-empty string `name`/);
    expect(() => makePluginWorker([{ name: "x" } as never])).toThrow(/setup\(host\)/);
  });
});
