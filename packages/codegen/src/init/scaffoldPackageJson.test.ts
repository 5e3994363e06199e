import { describe, expect, it } from "vitest";
import { scaffoldPackageJson } from "./scaffoldPackageJson";

describe("scaffoldPackageJson", () => {
  it("creates a manifest with the @appflare packages at this version", () => {
    const out = scaffoldPackageJson(undefined, "my-app", "0.2.0", "backend");
    expect(out).toMatchObject({ name: "my-app", private: true, type: "module" });
    expect(out.dependencies).toMatchObject({ "@appflare/server": "^0.2.0", "@appflare/schema": "^0.2.0" });
    expect(out.devDependencies).toMatchObject({ "@appflare/codegen": "^0.2.0", wrangler: "4.86.0" });
    expect(out.scripts?.dev).toBe("appflare dev");
    expect(out.dependencies?.react).toBeUndefined();
    expect(out.devDependencies?.vite).toBeUndefined();
  });

  it("adds the page's packages and makes `dev` Vite (which runs appflare dev) with the React template", () => {
    const out = scaffoldPackageJson(undefined, "my-app", "0.2.0", "react");
    expect(out.dependencies).toMatchObject({
      "@appflare/react": "^0.2.0",
      "@appflare/realtime-do": "^0.2.0",
      "@appflare/client": "^0.2.0",
      react: expect.stringMatching(/^\^19\./),
      "react-dom": expect.stringMatching(/^\^19\./),
      "@tanstack/react-query": expect.stringMatching(/^\^5\./),
    });
    // vite 9 / plugin-react 7 need Node 22: pinned to the lines that run on Node 20.
    expect(out.devDependencies).toMatchObject({ vite: "8.3.8", "@vitejs/plugin-react": "6.3.0" });
    expect(out.scripts).toMatchObject({ dev: "vite web", "dev:worker": "appflare dev" });
    expect(out.scripts?.build).toContain("vite build web");
  });

  it("keeps what an existing manifest already has (installed tarballs, own scripts)", () => {
    const existing = {
      name: "consumer",
      scripts: { dev: "custom" },
      dependencies: { "@appflare/server": "file:../server.tgz", "@appflare/codegen": "file:../codegen.tgz" },
    };
    const out = scaffoldPackageJson(existing, "ignored", "0.2.0", "backend");
    expect(out.name).toBe("consumer");
    expect(out.scripts?.dev).toBe("custom");
    expect(out.scripts?.build).toBe("appflare build");
    expect(out.dependencies?.["@appflare/server"]).toBe("file:../server.tgz");
    expect(out.devDependencies?.["@appflare/codegen"]).toBeUndefined();
    expect(out.dependencies?.zod).toBeDefined();
  });
});
