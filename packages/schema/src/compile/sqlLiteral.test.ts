import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sqlLiteral } from "./sqlLiteral";

/** Reads back a single-quoted SQL string literal. */
const unquote = (literal: string): string => literal.slice(1, -1).replaceAll("''", "'");

describe("sqlLiteral", () => {
  it("encodes each column type as it is stored", () => {
    expect(sqlLiteral({ type: "boolean" }, true)).toBe("1");
    expect(sqlLiteral({ type: "boolean" }, false)).toBe("0");
    expect(sqlLiteral({ type: "date" }, new Date(42))).toBe("42");
    expect(sqlLiteral({ type: "int" }, 7)).toBe("7");
    expect(sqlLiteral({ type: "real" }, 1.5)).toBe("1.5");
    expect(sqlLiteral({ type: "enum" }, "a")).toBe("'a'");
    expect(sqlLiteral({ type: "json" }, { a: [1] })).toBe(`'{"a":[1]}'`);
    expect(sqlLiteral({ type: "enumArray" }, ["x"])).toBe(`'["x"]'`);
    expect(sqlLiteral({ type: "string" }, null)).toBe("NULL");
  });

  it("rejects values that have no literal", () => {
    expect(() => sqlLiteral({ type: "int" }, Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral({ type: "date" }, new Date("nope"))).toThrow(TypeError);
  });

  it("quotes any string so it reads back unchanged", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const literal = sqlLiteral({ type: "string" }, text);
        expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
        expect(unquote(literal)).toBe(text);
        expect(literal.slice(1, -1).replaceAll("''", "")).not.toContain("'");
      }),
    );
  });
});
