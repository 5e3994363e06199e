import { relative } from "node:path";
import type * as TS from "typescript";
import { CliError } from "../errors/CliError";
import { requireFromApp } from "../tools/requireFromApp";

/** Result of {@link typecheckProject}: `skipped` names why nothing was checked. */
export type TypecheckResult = { readonly checkedFiles: number } | { readonly skipped: string };

const MAX_SHOWN = 20;

/**
 * Type-checks the app with the TypeScript compiler API over its own `tsconfig.json` (the app's
 * TypeScript when installed), so a handler whose types no longer match the schema fails the build
 * right after generation. Throws a {@link CliError} listing the errors as `file:line:col`.
 *
 * @example
 * typecheckProject("/app"); // { checkedFiles: 42 }
 */
export function typecheckProject(root: string): TypecheckResult {
  const ts = requireFromApp<typeof TS>(root, "typescript");
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
  if (!configPath || relative(root, configPath).startsWith("..")) {
    return { skipped: "no tsconfig.json in the app" };
  }
  const configErrors: TS.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  if (!parsed || configErrors.length > 0) throw diagnosticsError(ts, root, configErrors, configPath);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) throw diagnosticsError(ts, root, diagnostics, configPath);
  return { checkedFiles: parsed.fileNames.length };
}

function diagnosticsError(
  ts: typeof TS,
  root: string,
  diagnostics: readonly TS.Diagnostic[],
  configPath: string,
): CliError {
  const lines = diagnostics.slice(0, MAX_SHOWN).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n    ");
    if (!d.file || d.start === undefined) return `  error TS${d.code}: ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `  ${relative(root, d.file.fileName)}:${line + 1}:${character + 1} error TS${d.code}: ${text}`;
  });
  const more = diagnostics.length > MAX_SHOWN ? `\n  … and ${diagnostics.length - MAX_SHOWN} more` : "";
  const first = diagnostics[0];
  const location =
    first?.file && first.start !== undefined
      ? {
          file: first.file.fileName,
          line: first.file.getLineAndCharacterOfPosition(first.start).line + 1,
          column: first.file.getLineAndCharacterOfPosition(first.start).character + 1,
        }
      : { file: configPath };
  const count = `${diagnostics.length} type error${diagnostics.length === 1 ? "" : "s"}`;
  return new CliError(
    `Type check failed with ${count} (run with --no-typecheck to skip):\n${lines.join("\n")}${more}`,
    location,
  );
}
