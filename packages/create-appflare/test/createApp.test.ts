import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, defaultAppDir } from "../src/index";

function capture(cwd: string) {
  let out = "";
  let err = "";
  const streams = {
    cwd,
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
  };
  return { streams, out: () => out, err: () => err };
}

describe("create-appflare", () => {
  const scratch: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "create-appflare-"));
    scratch.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("scaffolds the React template into the named folder through appflare init", async () => {
    const cwd = tempDir();
    const io = capture(cwd);
    expect(await createApp(["my-app", "--template", "react"], io.streams)).toBe(0);
    const app = join(cwd, "my-app");
    for (const file of [
      "appflare.config.ts",
      "schema.ts",
      "src/notes.ts",
      "web/App.tsx",
      "web/vite.config.ts",
    ])
      expect(existsSync(join(app, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.name).toBe("my-app");
    expect(manifest.scripts.dev).toBe("vite web");
    expect(manifest.dependencies["@appflare/react"]).toMatch(/^\^\d/);
    expect(io.out()).toContain("npm install && npm run dev");
  });

  it("uses ./appflare-app when no folder is named, never the current folder", async () => {
    const cwd = tempDir();
    const io = capture(cwd);
    expect(await createApp(["-t", "backend"], io.streams)).toBe(0);
    expect(existsSync(join(cwd, defaultAppDir, "schema.ts"))).toBe(true);
    expect(existsSync(join(cwd, "schema.ts"))).toBe(false);
    expect(existsSync(join(cwd, defaultAppDir, "web"))).toBe(false);
  });

  it("refuses an unknown template and a folder that already has the app's files, writing nothing", async () => {
    const cwd = tempDir();
    const bad = capture(cwd);
    expect(await createApp(["x", "--template", "vue"], bad.streams)).toBe(1);
    expect(bad.err()).toContain("--template vue: expected one of react, backend");
    expect(existsSync(join(cwd, "x"))).toBe(false);

    expect(await createApp(["twice", "-t", "backend"], capture(cwd).streams)).toBe(0);
    const again = capture(cwd);
    expect(await createApp(["twice", "-t", "react"], again.streams)).toBe(1);
    expect(again.err()).toContain("init writes only into a new app");
    expect(existsSync(join(cwd, "twice", "web"))).toBe(false);
  });
});
