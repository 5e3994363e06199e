import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppflareBuilder } from "../src/build/AppflareBuilder";
import type { BuildReport } from "../src/build/BuildReport";
import { packageRoot, tmpRoot } from "./support/paths";

const example = join(packageRoot, "..", "..", "apps", "example");

/** A copy of the example app's sources (not its generated files) under test/.tmp. */
function copyExample(): string {
  mkdirSync(tmpRoot, { recursive: true });
  const dir = mkdtempSync(join(tmpRoot, "example-"));
  for (const entry of ["appflare.config.ts", "schema.ts", "src", "package.json"]) {
    cpSync(join(example, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

describe("regenerating the example app", () => {
  let first: BuildReport;
  let dir = "";
  let other = "";
  let builder: AppflareBuilder;

  beforeAll(async () => {
    dir = copyExample();
    other = copyExample();
    builder = new AppflareBuilder(join(dir, "appflare.config.ts"));
    first = await builder.build();
  });
  afterAll(() => builder.close());

  it("finds every handler of the example, named by the documented rules (docs/handlers.md)", () => {
    expect(first.discovered.handlers.map((h) => `${h.kind} ${h.name}`)).toEqual([
      "mutation attachments/add",
      "query attachments/list",
      "mutation attachments/remove",
      "query attachments/uploadPath",
      "cron cleanup/purgeDone",
      "mutation comments/add",
      "query comments/list",
      "mutation comments/remove",
      "mutation labels/attach",
      "mutation labels/create",
      "mutation labels/detach",
      "query labels/list",
      "mutation members/add",
      "query members/list",
      "mutation members/remove",
      "scheduler notifications/assigned",
      "mutation projects/archive",
      "mutation projects/create",
      "query projects/get",
      "query projects/list",
      "storageManager storage/projectFiles",
      "mutation tasks/complete",
      "mutation tasks/create",
      "query tasks/get",
      "query tasks/list",
      "mutation tasks/remove",
      "mutation tasks/setChecklist",
      "mutation tasks/update",
    ]);
  });

  it("is deterministic: a second build writes nothing and keeps bytes and mtimes", async () => {
    const files = [...first.written];
    expect(files.length).toBeGreaterThanOrEqual(6);
    const before = files.map((f) => ({ bytes: readFileSync(f), mtime: statSync(f).mtimeMs }));
    const second = await builder.build();
    expect(second.written).toEqual([]);
    expect([...second.unchanged].sort()).toEqual([...files].sort());
    files.forEach((f, i) => {
      expect(readFileSync(f).equals(before[i]?.bytes ?? Buffer.alloc(0)), f).toBe(true);
      expect(statSync(f).mtimeMs, f).toBe(before[i]?.mtime);
    });
  });

  it("gives byte-identical output from a fresh process in another folder", async () => {
    const fresh = new AppflareBuilder(join(other, "appflare.config.ts"));
    try {
      const report = await fresh.build();
      for (const file of report.written) {
        const twin = file.replace(other, dir);
        expect(readFileSync(file, "utf8"), file).toBe(readFileSync(twin, "utf8"));
      }
    } finally {
      await fresh.close();
    }
  });
});
