import { describe, expect, it } from "vitest";
import { formatLiteral } from "./formatLiteral";

describe("formatLiteral", () => {
  it("writes bare keys where possible and keeps what fits on one line", () => {
    expect(formatLiteral({ plan: { type: "string", defaultValue: "free" }, "my-field": [1, 2] })).toBe(
      '{ plan: { type: "string", defaultValue: "free" }, "my-field": [1, 2] }',
    );
    expect(formatLiteral({})).toBe("{}");
    expect(formatLiteral([])).toBe("[]");
  });

  it("expands what does not fit, one entry per line with trailing commas", () => {
    const long = "x".repeat(60);
    expect(formatLiteral({ a: { type: long }, b: { type: long } }, 20)).toBe(
      `{\n  a: { type: "${long}" },\n  b: { type: "${long}" },\n}`,
    );
    expect(formatLiteral([long, long], 0)).toBe(`[\n  "${long}",\n  "${long}",\n]`);
  });

  it("keeps only JSON data (functions and undefined are dropped)", () => {
    expect(formatLiteral({ a: 1, f: () => 1, u: undefined })).toBe("{ a: 1 }");
  });
});
