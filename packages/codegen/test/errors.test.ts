import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { type CliRun, runCliProcess } from "./support/runCliProcess";

/** A copy of fixture "basic" with `edit` applied, built without the type check. */
function buildWith(
  edit: (dir: string) => void,
  args: readonly string[] = ["build", "--no-typecheck"],
): CliRun {
  const dir = copyFixture("basic");
  edit(dir);
  return runCliProcess(args, dir);
}

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const before = readFileSync(file, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, after);
}

/** Never a raw stack: no `    at fn (file:line:col)` frames in any output. */
function expectNoStack(run: CliRun): void {
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

describe("build errors name the file (and line), exit non-zero, print no stack", () => {
  it("an unknown config key: the key, the expected keys, the file and the key's line", () => {
    const run = buildWith((dir) =>
      replaceIn(join(dir, "appflare.config.ts"), "exclude:", "scandir: './src',\n  exclude:"),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: appflare\.config\.ts:6: Invalid config:/m);
    expect(run.stderr).toContain("scandir: unknown key (expected one of: name, scanDir");
    expect(run.stderr).toContain('did you mean "scanDir"?');
    expectNoStack(run);
  });

  it("a mistyped config value: the key path and the expected type", () => {
    const run = buildWith((dir) =>
      replaceIn(join(dir, "appflare.config.ts"), 'bucketName: "basic-files"', "bucketName: 42"),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /appflare\.config\.ts:5: Invalid config:\n\s+- storage\.bucketName: expected string, got number 42/,
    );
    expectNoStack(run);
  });

  it("a schema error: the schema file, the line of the field, the table and field", () => {
    const run = buildWith((dir) => replaceIn(join(dir, "schema.ts"), 'v.one("projects"', 'v.one("projectz"'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: schema\.ts:13: Schema error in table "tasks", field "project"/m);
    expectNoStack(run);
  });

  it("two handlers with one name: both files, with the line of each export", () => {
    const run = buildWith((dir) =>
      writeFileSync(
        join(dir, "src", "queries", "blog.ts"),
        'import { query } from "../../_generated/handlers";\n\nexport const feed = query({ handler: () => [] });\n',
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Two handlers are named "blog/feed"');
    expect(run.stderr).toContain("src/blog/index.ts:4");
    expect(run.stderr).toContain("src/queries/blog.ts:3");
    expectNoStack(run);
  });

  it("a syntax error in a handler file: file:line:column from esbuild, with the source line", () => {
    const run = buildWith((dir) =>
      writeFileSync(
        join(dir, "src", "broken.ts"),
        'import { query } from "../_generated/handlers";\nexport const x = query({ handler: () => [1, 2 });\n',
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: src\/broken\.ts:2:\d+: Expected "\]" but found "\}"/m);
    expect(run.stderr).toContain("export const x = query({ handler: () => [1, 2 });");
    expectNoStack(run);
  });

  it("a missing schema export: the schema file and what it does export", () => {
    const run = buildWith((dir) =>
      replaceIn(join(dir, "schema.ts"), "export default schema(", "export const appSchema = schema("),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: schema\.ts: The schema module has no default export \(it exports: appSchema\)/m,
    );
    expectNoStack(run);
  });

  it("a handler module that throws while loading: the file and line of the throw", () => {
    const run = buildWith((dir) =>
      writeFileSync(join(dir, "src", "boom.ts"), 'export const x = 1;\n\nthrow new Error("no API key");\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: src\/boom\.ts:3:\d+: no API key/m);
    expectNoStack(run);
  });

  it("with node_modules a symlink (where the CLI's cache lives): still the file and line of the throw", () => {
    const run = buildWith((dir) => {
      // pnpm-style and shared setups link node_modules from elsewhere; bundles then run from the real path.
      const real = `${dir}-node_modules`;
      mkdirSync(real);
      symlinkSync(real, join(dir, "node_modules"), "dir");
      writeFileSync(join(dir, "src", "boom.ts"), 'export const x = 1;\n\nthrow new Error("no API key");\n');
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: src\/boom\.ts:3:\d+: no API key/m);
    expectNoStack(run);
  });

  it("a malformed cron expression: the handler file and line", () => {
    const run = buildWith((dir) => replaceIn(join(dir, "src", "jobs.ts"), '"0 * * * *"', '"every hour"'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: src\/jobs\.ts:10:\d+: TypeError: cron\(\{ cronTrigger: "every hour" \}\)/m,
    );
    expectNoStack(run);
  });

  it("a handler importing a package the app does not have: the handler file and the package", () => {
    const run = buildWith((dir) =>
      writeFileSync(
        join(dir, "src", "pad.ts"),
        'import pad from "left-pad-not-installed";\nimport { query } from "../_generated/handlers";\n\nexport const p = query({ handler: () => pad });\n',
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: src\/pad\.ts: Cannot find 'left-pad-not-installed'\. Install it/m);
    expectNoStack(run);
  });

  it("a config file that does not exist (-c): the path", () => {
    const run = buildWith(() => {}, ["build", "-c", "nope/appflare.config.ts"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: nope\/appflare\.config\.ts: Config file not found/m);
  });

  it("a type error in a handler fails the build's type check with file:line", () => {
    const run = buildWith(
      (dir) =>
        replaceIn(
          join(dir, "src", "tasks.ts"),
          "return { updated: rows.length };",
          "return { updated: rows.lenght };",
        ),
      ["build"],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: src\/tasks\.ts:14:\d+: Type check failed with 1 type error/m);
    expect(run.stderr).toContain("Property 'lenght' does not exist");
    expectNoStack(run);
  });
});

describe("other commands", () => {
  it("add-admin without an email exits 1 and names the missing flag", () => {
    const run = runCliProcess(["add-admin", "-p", "a long passphrase", "-n", "Ada"], process.cwd());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("add-admin needs -e <email>");
  });

  it("an unknown command exits 1 with the list of commands", () => {
    const run = runCliProcess(["deploy"], process.cwd());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown command "deploy"');
  });

  it("without a config in the folder, says how to create one", () => {
    const run = runCliProcess(["build"], join(__dirname, "support"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No appflare.config.ts in");
  });
});
