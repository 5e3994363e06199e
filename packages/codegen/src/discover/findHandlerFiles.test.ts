import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../errors/CliError";
import { findHandlerFiles } from "./findHandlerFiles";

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "appflare-scan-"));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), "export {};\n");
  }
  return root;
}

describe("findHandlerFiles", () => {
  it("lists modules by key and skips tests, specs, __tests__, declarations and excluded globs", () => {
    const root = tree([
      "tasks.ts",
      "blog/index.ts",
      "blog/posts.tsx",
      "tasks.test.ts",
      "tasks.spec.ts",
      "__tests__/a.ts",
      "deep/__tests__/b.ts",
      "types.d.ts",
      "legacy/old.ts",
      "_generated/api.ts",
      "notes.md",
    ]);
    const found = findHandlerFiles({
      scanDir: root,
      exclude: ["legacy/**"],
      skipDirs: [join(root, "_generated")],
    });
    expect(found.map((m) => m.key)).toEqual(["blog/index", "blog/posts", "tasks"]);
    expect(found[1]?.file).toBe(join(root, "blog/posts.tsx"));
  });

  it("fails, naming both files, when two files share a key", () => {
    const root = tree(["a.ts", "a.js"]);
    expect(() => findHandlerFiles({ scanDir: root, exclude: [], skipDirs: [] })).toThrow(CliError);
    expect(() => findHandlerFiles({ scanDir: root, exclude: [], skipDirs: [] })).toThrow(
      /a\.js and a\.ts|a\.ts and a\.js/,
    );
  });
});
