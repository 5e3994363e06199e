import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lookupPackageDir } from "./findPackageDir";

const root = realpathSync(mkdtempSync(join(tmpdir(), "appflare-find-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(at: string, pkg: string): string {
  const dir = join(at, "node_modules", pkg);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: pkg, exports: { ".": "./index.js" } }));
  return dir;
}

describe("lookupPackageDir", () => {
  const app = join(root, "work", "app");
  mkdirSync(join(app, "src"), { recursive: true });
  const own = install(app, "@scope/own");
  const hoisted = install(join(root, "work"), "hoisted");
  install(join(root, "elsewhere"), "stranger");

  it("finds a package in the app's node_modules or an ancestor's, even when exports hide package.json", () => {
    expect(lookupPackageDir(join(app, "src"), "@scope/own")).toBe(own);
    expect(lookupPackageDir(app, "hoisted")).toBe(hoisted);
  });

  it("does not find a package outside the chain of node_modules folders (as NODE_PATH would)", () => {
    expect(lookupPackageDir(app, "stranger")).toBeUndefined();
  });

  it("searches from a node_modules package's folder up, not into node_modules/node_modules", () => {
    expect(lookupPackageDir(own, "hoisted")).toBe(hoisted);
  });
});
