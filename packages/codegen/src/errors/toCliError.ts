import { relative, resolve, sep } from "node:path";
import type { Message } from "esbuild";
import { ProbeError, type ProbeErrorData } from "../probe/ProbeError";
import { isInside } from "../project/isInside";
import { CliError, type SourceLocation } from "./CliError";
import { findExportLine, findKeyLine } from "./findSourceLine";
import { stackLocation } from "./stackLocation";

/** What was being loaded when an error happened, so the message can name the right file. */
export interface LoadErrorContext {
  /** App root (config file folder). */
  readonly root: string;
  /** The file the step was about: the config or schema module (undefined for handler discovery). */
  readonly file?: string;
  /** Handler module key → absolute file, to name files in duplicate-handler errors. */
  readonly moduleFiles?: ReadonlyMap<string, string>;
  /** Folders never shown as the culprit (the CLI's cache, generated output). */
  readonly internalDirs?: readonly string[];
}

interface BuildFailureLike {
  readonly errors: readonly Message[];
}

function isBuildFailure(error: unknown): error is BuildFailureLike {
  return typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

/**
 * Turns whatever loading user code threw into a {@link CliError} that names the file (and line) at
 * fault: esbuild syntax/resolve errors carry `file:line:column`; errors thrown by user code carry a
 * source-mapped stack whose first app frame is used; Appflare's own errors (`ConfigError`,
 * `UserFieldError`, `SchemaError`, `DuplicateHandlerError`) are located by the key, table/field or
 * export they name.
 *
 * @example
 * try { await loadConfig(...) } catch (error) { throw toCliError(error, { root, file: configFile }); }
 */
export function toCliError(error: unknown, context: LoadErrorContext): CliError {
  if (error instanceof CliError) return error;
  if (isBuildFailure(error)) return fromBuildFailure(error, context);
  if (error instanceof ProbeError) return fromProbeError(error.data, context);
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(message, context.file ? { file: context.file } : undefined);
}

function fromBuildFailure(failure: BuildFailureLike, context: LoadErrorContext): CliError {
  const first = failure.errors.find((e) => e.location) ?? failure.errors[0];
  if (!first)
    return new CliError(
      "esbuild failed without a message",
      context.file ? { file: context.file } : undefined,
    );
  const location = first.location;
  const file = location ? resolve(context.root, location.file) : undefined;
  const internal = file !== undefined && (context.internalDirs ?? []).some((dir) => isInside(dir, file));
  if (!location || file === undefined || internal) {
    // The failing import is in the CLI's own entry module: a package the app has not installed.
    const hint = /Could not resolve "(@appflare\/[^"]+)"/.exec(first.text);
    const text = hint ? `${first.text}: install it in this app (npm install ${hint[1]})` : first.text;
    return new CliError(text, context.file ? { file: context.file } : undefined);
  }
  const snippet = location.lineText
    ? `\n    ${location.lineText}\n    ${" ".repeat(location.column)}${"^".repeat(Math.max(1, location.length))}`
    : "";
  return new CliError(`${first.text}${snippet}`, { file, line: location.line, column: location.column + 1 });
}

function fromProbeError(data: ProbeErrorData, context: LoadErrorContext): CliError {
  const isUserFile = (file: string) =>
    isInside(context.root, file) &&
    !file.includes(`${sep}node_modules${sep}`) &&
    !(context.internalDirs ?? []).some((dir) => isInside(dir, file));
  const fromStack = stackLocation(data.stack, isUserFile);
  const props = data.props;

  if (data.name === "ConfigError" && Array.isArray(props.issues) && context.file) {
    const issues = props.issues as { path?: string; message?: string }[];
    const lines = issues.map((i) => `  - ${i.path || "(config)"}: ${i.message ?? "invalid"}`);
    const firstPath = (issues[0]?.path ?? "")
      .replace(/\[\d+\]/g, "")
      .split(".")
      .filter(Boolean);
    const line = findKeyLine(context.file, firstPath);
    return new CliError(`Invalid config:\n${lines.join("\n")}`, { file: context.file, line });
  }

  // Thrown by the config probe (`plainUserFields`): point at the field in appflare.config.ts.
  if (data.name === "UserFieldError" && Array.isArray(props.path) && context.file) {
    const line = findKeyLine(context.file, props.path as string[]);
    return new CliError(data.message, { file: context.file, line });
  }

  if (data.name === "SchemaError" && context.file) {
    const table = typeof props.table === "string" ? props.table : undefined;
    const field = typeof props.field === "string" ? props.field : undefined;
    const line = table ? findKeyLine(context.file, field ? [table, field] : [table]) : undefined;
    const location: SourceLocation =
      line !== undefined ? { file: context.file, line } : (fromStack ?? { file: context.file });
    return new CliError(data.message, location);
  }

  if (data.name === "DuplicateHandlerError" && Array.isArray(props.modulePaths)) {
    const [a, b] = props.modulePaths as string[];
    const name = typeof props.handlerName === "string" ? props.handlerName : "";
    const files = [a, b].map((key) => (key ? (context.moduleFiles?.get(key) ?? key) : ""));
    const exportName = name.split("/").pop() ?? "";
    const where = files.map((file) => {
      const line = findExportLine(file, exportName);
      return `  ${relative(context.root, file)}${line === undefined ? "" : `:${line}`}`;
    });
    return new CliError(`${data.message}\n${where.join("\n")}`, { file: files[1] ?? files[0] ?? "" });
  }

  // Node names the bundled module that failed to import a package; map it back to the app's file.
  const missing = /^Cannot find (?:package|module) '([^']+)' imported from (\S+)$/.exec(data.message);
  if (missing) {
    const key = /[\\/]handlers[\\/]m[\\/](.+)\.mjs$/.exec(missing[2] ?? "")?.[1]?.replaceAll("\\", "/");
    const file = (key !== undefined ? context.moduleFiles?.get(key) : undefined) ?? context.file;
    const hint = missing[1]?.startsWith(".") ? "" : ` Install it in the app (npm install ${missing[1]}).`;
    return new CliError(`Cannot find '${missing[1]}'.${hint}`, file ? { file } : undefined);
  }

  const label = data.name && data.name !== "Error" ? `${data.name}: ` : "";
  const location = fromStack ?? (context.file ? { file: context.file } : undefined);
  return new CliError(`${label}${data.message}`, location);
}
