import { describe, expect, it } from "vitest";
import { deepMerge } from "./deepMerge";

describe("deepMerge", () => {
  it("merges nested objects and lets arrays and scalars replace", () => {
    const base = { name: "a", vars: { A: "1" }, triggers: { crons: ["0 3 * * *"] }, list: [1, 2] };
    const out = deepMerge(base, { vars: { B: "2" }, triggers: { crons: [] }, list: [3], name: "b" });
    expect(out).toEqual({ name: "b", vars: { A: "1", B: "2" }, triggers: { crons: [] }, list: [3] });
    expect(base.vars).toEqual({ A: "1" });
  });

  it("ignores a __proto__ key instead of changing the prototype", () => {
    const override = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const out = deepMerge({}, override);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
