import { describe, expect, it } from "vitest";
import { scaffoldPackageJson } from "./scaffoldPackageJson";

describe("scaffoldPackageJson", () => {
  it("creates a manifest with the @appflare packages at this version", () => {
    const out = scaffoldPackageJson(undefined, "my-app", "0.2.0");
    expect(out).toMatchObject({ name: "my-app", private: true, type: "module" });
    expect(out.dependencies).toMatchObject({ "@appflare/server": "^0.2.0", "@appflare/schema": "^0.2.0" });
    expect(out.devDependencies).toMatchObject({ "@appflare/codegen": "^0.2.0", wrangler: "4.86.0" });
    expect(out.scripts?.dev).toBe("appflare dev");
  });

  it("keeps what an existing manifest already has (installed tarballs, own scripts)", () => {
    const existing = {
      name: "consumer",
      scripts: { dev: "custom" },
      dependencies: { "@appflare/server": "file:../server.tgz", "@appflare/codegen": "file:../codegen.tgz" },
    };
    const out = scaffoldPackageJson(existing, "ignored", "0.2.0");
    expect(out.name).toBe("consumer");
    expect(out.scripts?.dev).toBe("custom");
    expect(out.scripts?.build).toBe("appflare build");
    expect(out.dependencies?.["@appflare/server"]).toBe("file:../server.tgz");
    expect(out.devDependencies?.["@appflare/codegen"]).toBeUndefined();
    expect(out.dependencies?.zod).toBeDefined();
  });
});
