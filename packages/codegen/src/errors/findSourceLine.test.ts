import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findExportLine, findKeyLine } from "./findSourceLine";

const dir = mkdtempSync(join(tmpdir(), "appflare-lines-"));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("findKeyLine", () => {
  it("finds the innermost key of a path, after its parents", () => {
    const file = write(
      "config.ts",
      [
        "export default defineConfig({",
        '  name: "x",',
        "  database: {",
        "    query: {",
        "      maxLimit: 5,",
        "    },",
        "  },",
        "});",
      ].join("\n"),
    );
    expect(findKeyLine(file, ["database", "query", "maxLimit"])).toBe(5);
    expect(findKeyLine(file, ["name"])).toBe(2);
  });

  it("finds a table and then its field in a schema", () => {
    const file = write(
      "schema.ts",
      [
        "schema({",
        "  projects: table({",
        "    owner: v.one('users'),",
        "  }),",
        "  tasks: table({",
        "    owner: v.one('users'),",
        "  }),",
        "});",
      ].join("\n"),
    );
    expect(findKeyLine(file, ["tasks", "owner"])).toBe(6);
    expect(findKeyLine(file, ["missing"])).toBeUndefined();
  });
});

describe("findExportLine", () => {
  it("finds export declarations, export lists and plain declarations", () => {
    const file = write(
      "handlers.ts",
      [
        "import x from 'y';",
        "export const list = query({});",
        "const hidden = 1;",
        "export { hidden as shown };",
        "function helper() {}",
      ].join("\n"),
    );
    expect(findExportLine(file, "list")).toBe(2);
    expect(findExportLine(file, "shown")).toBe(4);
    expect(findExportLine(file, "helper")).toBe(5);
    expect(findExportLine(file, "nothing")).toBeUndefined();
  });
});
