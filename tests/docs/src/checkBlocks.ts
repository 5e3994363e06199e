import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { DocBlock } from "./extractBlocks";

/** A type error in a docs block, located in the Markdown file. */
export interface BlockError {
  where: string;
  message: string;
}

const here = dirname(new URL(import.meta.url).pathname);
const appDir = join(here, "app");

/** Where a sample's import of an app file (`../_generated/handlers`, `./schema`...) points in the fixture. */
const APP_IMPORTS: [RegExp, string][] = [
  [/^(?:\.\.?\/)+_generated\/([\w.]+)$/, "generated/$1"],
  [/^(?:\.\.?\/)+schema$/, "schema"],
  [/^(?:\.\.?\/)+appflare\.config$/, "appflare.config"],
];

function rewriteImports(code: string, fromDir: string): string {
  return code.replace(/(from\s+|import\s+)"([^"]+)"/g, (all, head: string, specifier: string) => {
    for (const [pattern, target] of APP_IMPORTS) {
      if (pattern.test(specifier)) {
        const path = relative(fromDir, join(appDir, specifier.replace(pattern, target)));
        return `${head}"${path.startsWith(".") ? path : `./${path}`}"`;
      }
    }
    return all;
  });
}

/**
 * The source a block is checked as: the `ctx` preamble (so fragments can use a handler's `ctx`), then
 * the block with its app imports (`../_generated/handlers`, `./schema`...) pointed at the fixture app.
 *
 * @example
 * blockSource({ code: "await ctx.db.tasks.count()", ... }, dir).prelude; // 2 lines of preamble
 */
export function blockSource(block: DocBlock, fromDir: string): { text: string; prelude: number } {
  const preamble = relative(fromDir, join(here, "preamble"));
  const head = `import { ctx } from "${preamble.startsWith(".") ? preamble : `./${preamble}`}";\nvoid ctx;\n`;
  return { text: `${head}${rewriteImports(block.code, fromDir)}\nexport {};\n`, prelude: 2 };
}

/**
 * Type-checks blocks as one TypeScript program with the repository's compiler options (strict,
 * `development` condition so the packages' sources are used) and returns the errors, each located at
 * its Markdown file and line.
 *
 * @example
 * checkBlocks(blocks, "/tmp/blocks"); // [] when every sample compiles
 */
export function checkBlocks(blocks: DocBlock[], workDir: string): BlockError[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const located = new Map<string, { block: DocBlock; prelude: number }>();
  blocks.forEach((block, index) => {
    const name = `${block.file.replace(/\W+/g, "_")}_${String(index).padStart(3, "0")}.ts`;
    const path = join(workDir, name);
    const { text, prelude } = blockSource(block, workDir);
    writeFileSync(path, text);
    located.set(path, { block, prelude });
  });
  const configPath = join(here, "..", "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const program = ts.createProgram([...located.keys()], parsed.options);
  const errors: BlockError[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const file = diagnostic.file;
    const origin = file ? located.get(file.fileName) : undefined;
    if (!file || !origin || diagnostic.start === undefined) {
      errors.push({ where: file?.fileName ?? "(program)", message });
      continue;
    }
    const { line } = file.getLineAndCharacterOfPosition(diagnostic.start);
    errors.push({ where: `${origin.block.file}:${origin.block.line + line - origin.prelude}`, message });
  }
  return errors;
}
