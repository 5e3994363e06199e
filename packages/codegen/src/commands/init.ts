import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors/CliError";
import { askTemplate, type PromptStreams } from "../init/askTemplate";
import type { InitTemplate } from "../init/InitTemplate";
import { packageNameFor } from "../init/packageNameFor";
import { scaffoldFiles } from "../init/scaffoldFiles";
import { type PackageManifest, scaffoldPackageJson } from "../init/scaffoldPackageJson";
import { ownVersion } from "../project/ownVersion";
import type { CommandContext } from "./CommandContext";

/** Options of `appflare init`. */
export interface InitOptions {
  /** `--template`; when absent, init asks on a terminal (default `react`) and picks `backend` elsewhere. */
  readonly template?: InitTemplate;
  /** Where the question is asked. Default: the process's stdin and stdout. */
  readonly prompt?: PromptStreams;
}

/**
 * `appflare init [dir] [--template react|backend]`: scaffolds an app that builds and serves a query
 * (and with `react`, a Vite page showing it live). Refuses to overwrite any existing file except
 * package.json, which gets the missing scripts and dependencies merged in.
 *
 * @example
 * await init({ cwd: "/work", log, configPath: undefined }, "my-app", { template: "react" });
 */
export async function init(
  context: CommandContext,
  dir: string | undefined,
  options: InitOptions = {},
): Promise<InitTemplate> {
  const { log } = context;
  const target = resolve(context.cwd, dir ?? ".");
  const manifestPath = join(target, "package.json");
  let existing: PackageManifest | undefined;
  if (existsSync(manifestPath)) {
    try {
      existing = JSON.parse(readFileSync(manifestPath, "utf8")) as PackageManifest;
    } catch (error) {
      throw new CliError(`package.json is not valid JSON: ${(error as Error).message}`, {
        file: manifestPath,
      });
    }
  }
  const name = existing?.name ?? packageNameFor(basename(target));
  // Scripts and CI have no terminal to answer on: they get the backend unless they ask for react.
  const template =
    options.template ??
    (await askTemplate(options.prompt ?? { input: process.stdin, output: process.stdout })) ??
    "backend";
  const files = scaffoldFiles(template);
  const clashes = Object.keys(files).filter((f) => existsSync(join(target, f)) && f !== ".gitignore");
  if (clashes.length > 0) {
    throw new CliError(`${target} already has ${clashes.join(", ")}; init writes only into a new app`, {
      file: join(target, clashes[0] ?? ""),
    });
  }
  log.info(`appflare init  ${log.path(target)}  (template ${template})`);
  for (const [rel, content] of Object.entries(files)) {
    const file = join(target, rel);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    log.info(`  wrote      ${log.path(file)}`);
  }
  const manifest = scaffoldPackageJson(existing, name, ownVersion(), template);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log.info(`  ${existing ? "updated" : "wrote"}    ${log.path(manifestPath)}`);
  const cd = target === context.cwd ? "" : `cd ${log.path(target)} && `;
  log.success(
    template === "react"
      ? `created "${name}". Next: ${cd}npm install && npm run dev, then open the URL it prints`
      : `created "${name}". Next: ${cd}npm install && npm run dev (the API on the URL it prints)`,
  );
  return template;
}
