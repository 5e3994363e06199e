import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppflareBuilder } from "../src/build/AppflareBuilder";
import { copyFixture } from "./support/copyFixture";
import { runCliProcess } from "./support/runCliProcess";

/** Fixture "basic" declares `plan` (default "free") and `signupSource` (enum, function default). */
const PLAN_FIELD = 'plan: { type: "string", defaultValue: "free" },';

function addField(dir: string, field: string): void {
  const file = join(dir, "appflare.config.ts");
  const before = readFileSync(file, "utf8");
  const after = before.replace(PLAN_FIELD, `${PLAN_FIELD}\n          ${field}`);
  if (after === before) throw new Error("fixture edit did not apply");
  writeFileSync(file, after);
}

const migrationsOf = (dir: string) =>
  readdirSync(join(dir, "migrations"))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => readFileSync(join(dir, "migrations", f), "utf8"));

describe("auth.options.user.additionalFields reach the migrations (real drizzle-kit + wrangler)", () => {
  let dir = "";
  beforeAll(() => {
    dir = copyFixture("basic");
  });

  it("appflare migrate --local creates the users columns: literal default → SQL DEFAULT", () => {
    const run = runCliProcess(["migrate", "--local"], dir);
    expect(run.code, run.stderr).toBe(0);
    const [init] = migrationsOf(dir);
    const users = /CREATE TABLE `users` \(([\s\S]*?)\n\);/.exec(init ?? "")?.[1] ?? "";
    // required (Better Auth's default) with a literal default: NOT NULL, so existing rows get "free".
    expect(users).toContain("`plan` text DEFAULT 'free' NOT NULL");
    // required: false and a function default (runtime only): nullable, no SQL default.
    expect(users).toMatch(/`signup_source` text(,\n|$)/);
  });

  it("a field added to the config becomes the next migration (ALTER TABLE on users)", () => {
    addField(dir, 'seats: { type: "number", required: false },');
    const run = runCliProcess(["migrate", "--local"], dir);
    expect(run.code, run.stderr).toBe(0);
    const all = migrationsOf(dir);
    expect(all).toHaveLength(2);
    expect(all[1]).toContain("ALTER TABLE `users` ADD `seats` real;");
  });
});

describe("appflare dev sees a config field change as a schema change", () => {
  let dir = "";
  let builder: AppflareBuilder;
  beforeAll(() => {
    dir = copyFixture("basic");
    builder = new AppflareBuilder(join(dir, "appflare.config.ts"));
  });
  afterAll(() => builder.close());

  it("changes the model fingerprint (dev migrates on a new fingerprint)", async () => {
    const first = await builder.build();
    expect(first.config.auth.additionalFields).toEqual({
      plan: { type: "string", defaultValue: "free" },
      signupSource: { type: ["web", "mobile"], required: false },
    });
    addField(dir, 'tier: { type: ["basic", "gold"], defaultValue: "basic" },');
    const next = await builder.rebuild([join(dir, "appflare.config.ts")]);
    expect(next?.schemaReloaded).toBe(true);
    expect(next?.schema.fingerprint).not.toBe(first.schema.fingerprint);
    expect(next?.written).toContain(join(dir, "_generated", "drizzle.schema.ts"));
    expect(readFileSync(join(dir, "_generated", "drizzle.schema.ts"), "utf8")).toContain(
      'tier: { type: ["basic", "gold"], defaultValue: "basic" }',
    );
  });
});

describe("a field that cannot be a column", () => {
  it("fails the build naming the field, the config file and its line", () => {
    const dir = copyFixture("basic");
    addField(dir, 'email: { type: "string" },');
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: appflare\.config\.ts:14: auth\.options\.user\.additionalFields\.email: "email" is a built-in users field/m,
    );
    expect(run.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  });
});
