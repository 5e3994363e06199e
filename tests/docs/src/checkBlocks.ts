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
  [/^(?:\.\.?\/)+appflare$/, "appflare"],
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
 * React (`tsx`) blocks get their own preamble (see preambleReact.ts).
 *
 * @example
 * blockSource({ code: "await ctx.db.tasks.count()", ... }, dir).prelude; // 2 lines of preamble
 */
export function blockSource(block: DocBlock, fromDir: string): { text: string; prelude: number } {
  const preamble = relative(fromDir, join(here, isReact(block) ? "preambleReact" : "preamble"));
  const head = `import { ctx } from "${preamble.startsWith(".") ? preamble : `./${preamble}`}";\nvoid ctx;\n`;
  return { text: `${head}${rewriteImports(block.code, fromDir)}\nexport {};\n`, prelude: 2 };
}

const isReact = (block: DocBlock) => block.lang === "tsx";

/** Where each written sample file came from, to locate its errors in the Markdown. */
type Located = Map<string, { block: DocBlock; prelude: number }>;

/**
 * Type-checks blocks with the repository's compiler options (strict, `development` condition so the
 * packages' sources are used) and returns the errors, each located at its Markdown file and line. `ts`
 * blocks form one program (with the Workers types); `tsx` blocks a second one, as a React page is
 * compiled: the DOM lib, JSX, and the packages through their built types.
 *
 * @example
 * checkBlocks(blocks, "/tmp/blocks"); // [] when every sample compiles
 */
export function checkBlocks(blocks: DocBlock[], workDir: string): BlockError[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const workers: Located = new Map();
  const react: Located = new Map();
  blocks.forEach((block, index) => {
    const ext = isReact(block) ? "tsx" : "ts";
    const path = join(workDir, `${block.file.replace(/\W+/g, "_")}_${String(index).padStart(3, "0")}.${ext}`);
    const { text, prelude } = blockSource(block, workDir);
    writeFileSync(path, text);
    (isReact(block) ? react : workers).set(path, { block, prelude });
  });
  const errors = diagnose(workers, compilerOptions({}));
  if (react.size > 0) {
    const dom = { lib: ["ES2023", "DOM", "DOM.Iterable"], jsx: "react-jsx", customConditions: [] };
    errors.push(...diagnose(react, compilerOptions(dom)));
  }
  return errors;
}

/** tests/docs/tsconfig.json's options, with `overrides` on top of its compilerOptions. */
function compilerOptions(overrides: Record<string, unknown>): ts.CompilerOptions {
  const configPath = join(here, "..", "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const merged = { ...config, compilerOptions: { ...config.compilerOptions, ...overrides } };
  return ts.parseJsonConfigFileContent(merged, ts.sys, dirname(configPath)).options;
}

function diagnose(located: Located, options: ts.CompilerOptions): BlockError[] {
  if (located.size === 0) return [];
  const program = ts.createProgram([...located.keys()], options);
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
