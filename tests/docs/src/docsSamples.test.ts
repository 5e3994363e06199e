import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBlocks } from "./checkBlocks";
import { type DocBlock, extractBlocks } from "./extractBlocks";

const here = dirname(new URL(import.meta.url).pathname);
const docsDir = join(here, "..", "..", "..", "docs");
const workDir = join(here, "..", ".blocks");

/**
 * How a ```ts or ```tsx block may opt out of the check (the rest of the info string after the language):
 * `nocheck` — a deliberate fragment (say why in the text around it).
 */
const FLAGS = new Set(["nocheck"]);
const TS = new Set(["ts", "typescript", "tsx"]);

const PAGES = [
  "README.md",
  "getting-started.md",
  "schema.md",
  "data-api.md",
  "handlers.md",
  "auth.md",
  "storage.md",
  "jobs-and-cron.md",
  "realtime.md",
  "client.md",
  "react.md",
  "dashboard.md",
  "deploying.md",
  "scaling.md",
];

function allBlocks(): DocBlock[] {
  return readdirSync(docsDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .flatMap((name) => extractBlocks(`docs/${name}`, readFileSync(join(docsDir, name), "utf8")));
}

describe("docs/", () => {
  const blocks = allBlocks();
  const tsBlocks = blocks.filter((block) => TS.has(block.lang));

  it("has every page of the manual", () => {
    const pages = readdirSync(docsDir).filter((name) => name.endsWith(".md"));
    expect(pages.sort()).toEqual([...PAGES].sort());
  });

  it("opts ts blocks out only with a known flag, and rarely", () => {
    const unknown = tsBlocks.filter((block) => block.flags.some((flag) => !FLAGS.has(flag)));
    expect(unknown.map((block) => `${block.file}:${block.line} ${block.flags.join(" ")}`)).toEqual([]);
    const fragments = tsBlocks.filter((block) => block.flags.includes("nocheck"));
    expect(fragments.length).toBeLessThanOrEqual(5);
  });

  // A sample known to be wrong goes into the same program (one program: loading the packages' types
  // is the slow part), proving the check can fail and that errors point at the Markdown line.
  const wrong: DocBlock = {
    file: "docs/wrong.md",
    line: 10,
    lang: "ts",
    flags: [],
    code: 'const rows = await ctx.db.tasks.findMany({ where: { title: "a" } });\nrows[0]?.nope;',
  };
  // And one React sample: a wrong arg of a live query, in the tsx program.
  const wrongReact: DocBlock = {
    file: "docs/wrong-react.md",
    line: 20,
    lang: "tsx",
    flags: [],
    code: 'import { useQuery } from "@appflare/react";\n\nexport function List() {\n  const { data } = useQuery(appflare.queries.tasks.list, { projectId: 7 });\n  return <p>{data?.length}</p>;\n}',
  };
  const checked = tsBlocks.filter((block) => block.flags.length === 0);
  let errors: ReturnType<typeof checkBlocks> | undefined;
  const run = () => {
    errors ??= checkBlocks([...checked, wrong, wrongReact], workDir);
    return errors;
  };

  it("checks most samples (opt-outs stay the exception)", () => {
    expect(checked.length).toBeGreaterThan(40);
  });

  it("type-checks every ts sample against the packages", () => {
    const real = run().filter((error) => !/^docs\/wrong(-react)?\.md/.test(error.where));
    expect(real.map((error) => `${error.where}: ${error.message}`)).toEqual([]);
  });

  it("reports a wrong sample at its Markdown line (the check can fail)", () => {
    const reported = run().filter((error) => error.where.startsWith("docs/wrong.md"));
    expect(reported.map((error) => error.where)).toEqual(["docs/wrong.md:11"]);
    expect(reported[0]?.message).toContain("nope");
  });

  it("checks React samples too: a wrong arg in a tsx sample is reported at its line", () => {
    expect(tsBlocks.filter((block) => block.lang === "tsx").length).toBeGreaterThanOrEqual(5);
    const reported = run().filter((error) => error.where.startsWith("docs/wrong-react.md"));
    expect(reported.map((error) => error.where)).toEqual(["docs/wrong-react.md:23"]);
    expect(reported[0]?.message).toContain("is not assignable to type 'string'");
  });
});
