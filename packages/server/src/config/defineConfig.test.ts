import { describe, expect, it } from "vitest";
import type { AppflareConfig } from "./AppflareConfig";
import { ConfigError } from "./ConfigError";
import { defineConfig } from "./defineConfig";
import { resolveConfig, workerNameFromPackage } from "./resolveConfig";

/** The ConfigError `fn` throws (fails the test when it does not throw one). */
function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

// Deliberately mistyped configs, as a user's JavaScript (or a cast) can produce them.
const loose = (value: unknown) => value as AppflareConfig;

describe("defineConfig", () => {
  it("returns a valid config unchanged, functions inside auth options included", () => {
    const plugin = { id: "x", init: () => {} };
    const config: AppflareConfig = {
      name: "my-app",
      database: { binding: "MAIN_DB", query: { defaultLimit: 50, maxLimit: 500 } },
      storage: { bucketName: "files" },
      auth: { options: { emailAndPassword: { enabled: true }, plugins: [plugin] } },
      cors: ["https://app.example.com", "*"],
      wrangler: { vars: { A: "1" } },
    };
    const result = defineConfig(config);
    expect(result).toBe(config);
    expect(result.auth?.options?.plugins).toEqual([plugin]);
    expect((result.auth?.options?.plugins as unknown[] | undefined)?.[0]).toBe(plugin);
  });

  it("rejects an unknown top-level key, naming it and suggesting the right one", () => {
    const error = configErrorOf(() => defineConfig(loose({ scandir: "./src" })));
    expect(error.issues).toEqual([
      { path: "scandir", message: expect.stringContaining('did you mean "scanDir"?') },
    ]);
    expect(error.message).toContain("scandir: unknown key (expected one of: name, scanDir,");
  });

  it("rejects an unknown nested key with its full path", () => {
    const error = configErrorOf(() => defineConfig(loose({ database: { query: { maxLimt: 10 } } })));
    expect(error.issues[0]?.path).toBe("database.query.maxLimt");
    expect(error.issues[0]?.message).toMatch(
      /expected one of: defaultLimit, maxLimit\); did you mean "maxLimit"\?/,
    );
  });

  it("rejects a mistyped value, naming the path and the expected type", () => {
    const error = configErrorOf(() =>
      defineConfig(loose({ realtime: { shards: "2" }, limits: { bodyBytes: -1 } })),
    );
    expect(error.issues).toContainEqual({
      path: "realtime.shards",
      message: 'expected number, got string "2"',
    });
    expect(error.issues.find((i) => i.path === "limits.bodyBytes")?.message).toMatch(/>0|positive|greater/i);
    expect(error.message).toMatch(/^Invalid Appflare config:\n {2}- /);
  });

  it("checks array items and cross-field rules", () => {
    const error = configErrorOf(() =>
      defineConfig(
        loose({
          cors: ["https://ok.example", "https://bad.example/path"],
          database: { query: { defaultLimit: 2000 } },
        }),
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual(["cors[1]", "database.query.defaultLimit"]);
    expect(error.issues[1]?.message).toBe("expected at most maxLimit (1000), got 2000");
  });

  it("rejects bad names, binding names and paths", () => {
    const error = configErrorOf(() =>
      defineConfig(
        loose({ name: "My App", storage: { binding: "my-bucket" }, dashboard: { path: "admin/" } }),
      ),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["dashboard.path", "name", "storage.binding"]);
  });

  it("rejects a config that is not an object", () => {
    expect(configErrorOf(() => defineConfig(loose("./src"))).issues[0]?.message).toBe(
      'expected object, got string "./src"',
    );
  });
});

describe("resolveConfig", () => {
  it("applies every documented default (docs/getting-started.md)", () => {
    expect(resolveConfig({}, { packageName: "@acme/Todo_App" })).toEqual({
      name: "acme-todo-app",
      scanDir: "./src",
      outDir: "./_generated",
      schema: "./schema.ts",
      schemaExport: "default",
      exclude: [],
      database: {
        binding: "DB",
        databaseName: "acme-todo-app-db",
        databaseId: "local",
        query: { defaultLimit: 100, maxLimit: 1000 },
      },
      storage: null,
      kv: null,
      auth: { enabled: true, basePath: "/api/auth", options: {} },
      realtime: {
        enabled: true,
        binding: "APPFLARE_REALTIME",
        className: "AppflareRealtime",
        shards: 1,
        subscribePath: "/realtime/subscribe",
        websocketPath: "/realtime/ws",
        protocol: "appflare.realtime.v1",
        coalesceMs: 0,
      },
      scheduler: {
        enabled: "auto",
        binding: "APPFLARE_QUEUE",
        queue: "acme-todo-app-scheduler",
        maxRetries: 3,
        deadLetterQueue: null,
      },
      cors: null,
      limits: { bodyBytes: 1_048_576, uploadBytes: 104_857_600 },
      dashboard: { enabled: true, path: "/admin", readOnly: false },
      wrangler: {},
    });
  });

  it("keeps given values and derives dependent defaults from the given name", () => {
    const resolved = resolveConfig({
      name: "shop",
      storage: {},
      kv: { id: "abc" },
      scheduler: { deadLetterQueue: "shop-dlq", enabled: false },
      cors: ["https://shop.example/"],
      database: { query: { maxLimit: 50, defaultLimit: 10 } },
    });
    expect(resolved.database.databaseName).toBe("shop-db");
    expect(resolved.database.query).toEqual({ defaultLimit: 10, maxLimit: 50 });
    expect(resolved.storage).toEqual({ binding: "STORAGE", bucketName: "shop-storage" });
    expect(resolved.kv).toEqual({ binding: "KV", id: "abc" });
    expect(resolved.scheduler).toMatchObject({
      enabled: false,
      queue: "shop-scheduler",
      deadLetterQueue: "shop-dlq",
    });
    expect(resolved.cors).toEqual(["https://shop.example"]);
  });

  it("validates like defineConfig", () => {
    expect(() => resolveConfig({ realtime: { shard: 2 } })).toThrow(
      /realtime\.shard: unknown key.*did you mean "shards"/,
    );
  });
});

describe("workerNameFromPackage", () => {
  it.each([
    ["@acme/todo", "acme-todo"],
    ["My_App!!", "my-app"],
    [undefined, "appflare-app"],
    ["@@@", "appflare-app"],
    ["a".repeat(80), "a".repeat(63)],
  ])("%s → %s", (input, expected) => {
    expect(workerNameFromPackage(input)).toBe(expected);
  });
});
