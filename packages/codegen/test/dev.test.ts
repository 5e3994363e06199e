import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { type RunningCli, startCliProcess } from "./support/startCliProcess";

/** Waits for the next regeneration line about `file` printed after `from`. */
const nextChange = (dev: RunningCli, from: number, file: string) =>
  // A batch may list several files (`src/jobs.ts, src/extra.ts → ...`).
  dev.waitFor(new RegExp(` {2}change {5}[^\n]*${file.replaceAll(".", "\\.")}[^\n]* → [^\n]+\n`), from);

describe("appflare dev (watch mode, without wrangler)", () => {
  let dir = "";
  let dev: RunningCli;

  beforeAll(async () => {
    dir = copyFixture("basic");
    dev = startCliProcess(["dev", "--no-wrangler"], dir);
    await dev.waitFor(/ready; watching for changes/, 0, 90_000);
  });
  afterAll(async () => {
    const code = await dev.stop();
    expect(code).toBe(0);
  });

  it("builds, then generates and applies the first local migration", () => {
    const out = dev.output();
    expect(out).toMatch(/wrote {6}_generated\/api\.ts/);
    expect(out).toMatch(/generate +0000_\w+\.sql/);
    expect(out).toMatch(/apply +DB \(local\): applied/);
    expect(readdirSync(join(dir, "migrations")).some((f) => f.endsWith(".sql"))).toBe(true);
  });

  it("a new handler module: regenerates api.ts only, with a timed progress line", async () => {
    const from = dev.output().length;
    writeFileSync(
      join(dir, "src", "extra.ts"),
      'import { query } from "../_generated/handlers";\n\nexport const ping = query({ handler: () => "pong" });\n',
    );
    const line = await nextChange(dev, from, "src/extra.ts");
    expect(line).toMatch(/src\/extra\.ts → _generated\/api\.ts +\d+ ms/);
    expect(readFileSync(join(dir, "_generated", "api.ts"), "utf8")).toContain(
      'import * as m_extra from "../src/extra";',
    );
  });

  it("an edit that changes no generated file says so", async () => {
    const from = dev.output().length;
    writeFileSync(
      join(dir, "src", "extra.ts"),
      'import { query } from "../_generated/handlers";\n\nexport const ping = query({ handler: () => "pong!" });\n',
    );
    expect(await nextChange(dev, from, "src/extra.ts")).toMatch(/src\/extra\.ts[^\n]* → nothing changed/);
  });

  it("a new cron expression lands in wrangler.json", async () => {
    const from = dev.output().length;
    const jobs = join(dir, "src", "jobs.ts");
    writeFileSync(jobs, readFileSync(jobs, "utf8").replace('"0 * * * *"', '"15 * * * *"'));
    expect(await nextChange(dev, from, "src/jobs.ts")).toMatch(/src\/jobs\.ts[^\n]* → wrangler\.json/);
    expect(readFileSync(join(dir, "wrangler.json"), "utf8")).toContain('"15 * * * *"');
  });

  it("a syntax error is reported with file:line and the session keeps running; fixing it recovers", async () => {
    let from = dev.output().length;
    const extra = join(dir, "src", "extra.ts");
    writeFileSync(
      extra,
      'import { query } from "../_generated/handlers";\nexport const ping = query({ handler: ( => 1 });\n',
    );
    expect(await dev.waitFor(/error: src\/extra\.ts:2:\d+:/, from)).not.toMatch(/^\s+at /m);
    from = dev.output().length;
    writeFileSync(
      extra,
      'import { query } from "../_generated/handlers";\nexport const pong = query({ handler: () => 1 });\n',
    );
    expect(await nextChange(dev, from, "src/extra.ts")).toMatch(/src\/extra\.ts → /);
    expect(dev.child.exitCode).toBeNull();
  });

  it("an added, renamed or removed scheduler export regenerates tasks.ts", async () => {
    const extra = join(dir, "src", "extra.ts");
    const tasks = join(dir, "_generated", "tasks.ts");
    const withTask = (name: string) =>
      `import { scheduler } from "../_generated/handlers";\n\nexport const ${name} = scheduler({ handler: () => {} });\n`;
    let from = dev.output().length;
    writeFileSync(extra, withTask("notify"));
    expect(await nextChange(dev, from, "src/extra.ts")).toMatch(/ → [^\n]*_generated\/tasks\.ts/);
    expect(readFileSync(tasks, "utf8")).toContain('"extra/notify": TaskPayload<typeof t_extra_notify>;');
    from = dev.output().length;
    writeFileSync(extra, withTask("announce"));
    expect(await nextChange(dev, from, "src/extra.ts")).toMatch(/ → [^\n]*_generated\/tasks\.ts/);
    expect(readFileSync(tasks, "utf8")).toContain('"extra/announce"');
    expect(readFileSync(tasks, "utf8")).not.toContain("extra/notify");
    from = dev.output().length;
    writeFileSync(
      extra,
      'import { query } from "../_generated/handlers";\nexport const pong = query({ handler: () => 1 });\n',
    );
    expect(await nextChange(dev, from, "src/extra.ts")).toMatch(/ → [^\n]*_generated\/tasks\.ts/);
    expect(readFileSync(tasks, "utf8")).not.toContain("extra/");
  });

  it("a schema change regenerates drizzle.schema.ts and a new migration", async () => {
    const from = dev.output().length;
    const schema = join(dir, "schema.ts");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        "  tasks: table({",
        "  notes: table({ id: v.uuid(), text: v.string().notNull() }),\n  tasks: table({",
      ),
    );
    const out = await dev.waitFor(/apply +DB \(local\): applied/, from, 60_000);
    expect(out).toMatch(/schema\.ts → _generated\/drizzle\.schema\.ts/);
    expect(readFileSync(join(dir, "_generated", "drizzle.schema.ts"), "utf8")).toContain("notes");
    expect(readdirSync(join(dir, "migrations")).filter((f) => f.endsWith(".sql"))).toHaveLength(2);
    expect(existsSync(join(dir, ".wrangler", "state"))).toBe(true);
  });
});
