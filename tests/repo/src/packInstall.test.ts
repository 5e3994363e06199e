import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, sh } from "./workspace";

describe("packed @appflare/schema installs outside the workspace", () => {
  const scratch = mkdtempSync(join(tmpdir(), "appflare-pack-install-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("npm installs the tarball into an empty project and the public API imports", () => {
    const packDir = join(scratch, "tarballs");
    sh("pnpm", ["pack", "--pack-destination", packDir], join(repoRoot, "packages", "schema"));
    const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();

    const app = join(scratch, "app");
    sh("mkdir", ["-p", app], scratch);
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(packDir, tarball ?? "")], app);

    const manifest = JSON.parse(
      readFileSync(join(app, "node_modules", "@appflare", "schema", "package.json"), "utf8"),
    );
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
    expect(JSON.stringify(manifest.exports)).not.toContain("development");

    writeFileSync(
      join(app, "main.mjs"),
      [
        'import { schema, table, v, compileSchema } from "@appflare/schema";',
        "const s = schema({ notes: table({ id: v.uuid(), body: v.string().notNull() }) });",
        "const c = compileSchema(s);",
        "console.log(JSON.stringify(Object.keys(c.tables).sort()));",
      ].join("\n"),
    );
    const out = sh("node", ["main.mjs"], app).trim();
    expect(JSON.parse(out)).toContain("notes");
  });
});
