import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors/CliError";
import { packageNameFor } from "../init/packageNameFor";
import { scaffoldFiles } from "../init/scaffoldFiles";
import { type PackageManifest, scaffoldPackageJson } from "../init/scaffoldPackageJson";
import { ownVersion } from "../project/ownVersion";
import type { CommandContext } from "./CommandContext";

/**
 * `appflare init [dir]`: scaffolds an app that builds and serves a query. Refuses to overwrite any
 * existing file except package.json, which gets the missing scripts and dependencies merged in.
 *
 * @example
 * init({ cwd: "/work", log, configPath: undefined }, "my-app");
 */
export function init(context: CommandContext, dir: string | undefined): void {
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
  const files = scaffoldFiles();
  const clashes = Object.keys(files).filter((f) => existsSync(join(target, f)) && f !== ".gitignore");
  if (clashes.length > 0) {
    throw new CliError(`${target} already has ${clashes.join(", ")}; init writes only into a new app`, {
      file: join(target, clashes[0] ?? ""),
    });
  }
  log.info(`appflare init  ${log.path(target)}`);
  for (const [rel, content] of Object.entries(files)) {
    const file = join(target, rel);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    log.info(`  wrote      ${log.path(file)}`);
  }
  const manifest = scaffoldPackageJson(existing, name, ownVersion());
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log.info(`  ${existing ? "updated" : "wrote"}    ${log.path(manifestPath)}`);
  const cd = target === context.cwd ? "" : `cd ${log.path(target)} && `;
  log.success(
    `created "${name}". Next: ${cd}npm install && npx appflare migrate --local && npx appflare dev`,
  );
}
