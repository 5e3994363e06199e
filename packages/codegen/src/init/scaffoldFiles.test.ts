import { describe, expect, it } from "vitest";
import { scaffoldFiles } from "./scaffoldFiles";

describe("scaffoldFiles", () => {
  it("writes the backend alone with the backend template", () => {
    expect(Object.keys(scaffoldFiles("backend")).sort()).toEqual([
      ".gitignore",
      "appflare.config.ts",
      "schema.ts",
      "src/notes.ts",
      "tsconfig.json",
    ]);
  });

  it("puts the React page in web/, outside scanDir (./src), wired to the generated client", () => {
    const files = scaffoldFiles("react");
    const page = Object.keys(files).filter((f) => !(f in scaffoldFiles("backend")));
    expect(page.sort()).toEqual([
      "web/App.tsx",
      "web/appflare.ts",
      "web/index.html",
      "web/main.tsx",
      "web/tsconfig.json",
      "web/vite.config.ts",
    ]);
    expect(files["web/appflare.ts"]).toContain('from "../_generated/client"');
    expect(files["web/App.tsx"]).toContain(
      "useQuery(appflare.queries.notes.list, { limit: 20 }, { realtime: true })",
    );
    expect(files["web/App.tsx"]).toContain("useMutation(appflare.mutations.notes.create)");
    // Vite forwards the Worker's routes, the realtime socket included, and starts `appflare dev`.
    expect(files["web/vite.config.ts"]).toContain('"/realtime"');
    expect(files["web/vite.config.ts"]).toContain("ws: true");
    expect(files["web/vite.config.ts"]).toContain('"dev", "--", "--port"');
    expect(files[".gitignore"]).toContain("web/dist/");
  });
});
