import { describe, expect, it } from "vitest";
import { biomeFormat } from "../../test/support/biomeFormat";
import { formatJson } from "./formatJson";

describe("formatJson", () => {
  it("expands objects and keeps short scalar arrays on one line", () => {
    expect(formatJson({ a: ["x", "y"], b: { c: 1 }, d: [], e: {} })).toBe(
      '{\n  "a": ["x", "y"],\n  "b": {\n    "c": 1\n  },\n  "d": [],\n  "e": {}\n}\n',
    );
  });

  it("breaks a scalar array that does not fit in the line width", () => {
    const crons = Array.from({ length: 12 }, (_, i) => `${i} 3 * * *`);
    const out = formatJson({ triggers: { crons } });
    expect(out).toContain('"crons": [\n      "0 3 * * *",');
  });

  it("produces exactly what Biome formats, for a wrangler-like document", () => {
    const value = {
      name: "app",
      compatibility_flags: ["nodejs_compat"],
      d1_databases: [{ binding: "DB", database_name: "app-db", database_id: "local" }],
      triggers: { crons: Array.from({ length: 9 }, (_, i) => `${i} ${i} * * *`) },
      vars: { A: "1", nested: { deep: [1, 2, { x: null }] } },
      long: ["a".repeat(50), "b".repeat(50)],
    };
    const out = formatJson(value);
    expect(biomeFormat(out, "wrangler.json")).toBe(out);
  });
});
