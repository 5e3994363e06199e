import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { runCliProcess } from "./support/runCliProcess";

/** TypeScript's errors in `file` only (the rest of the app is not what this test is about). */
function errorsIn(dir: string, file: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(dir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("tsconfig.json of the fixture did not parse");
  const program = ts.createProgram({ rootNames: [file], options: { ...parsed.options, noEmit: true } });
  return program
    .getSemanticDiagnostics(program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/**
 * An unknown table in a handler (`ctx.db.nope`) names the type by its name, `Db<AppSchema>`: the
 * generated `AppSchema` is an interface, and TypeScript prints interfaces by name where it printed a
 * type alias as the whole schema type (hundreds of characters).
 */
describe("ctx.db.<unknown table> in a generated app", () => {
  let dir = "";
  beforeAll(() => {
    dir = copyFixture("minimal");
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.code, run.stderr).toBe(0);
  });

  it("is a one-line type error naming Db<AppSchema>, and known tables keep their types", () => {
    const file = join(dir, "handlers", "check.ts");
    writeFileSync(
      file,
      `import { query } from "../gen/handlers";
export const bad = query({ handler: (ctx) => ctx.db.nope.findMany({}) });
export const good = query({
  handler: async (ctx) => {
    const rows = await ctx.db.notes.findMany({});
    const text: string = rows[0]?.text ?? "";
    return text;
  },
});
`,
    );
    expect(errorsIn(dir, file)).toEqual(["Property 'nope' does not exist on type 'Db<AppSchema>'."]);
  });
});
