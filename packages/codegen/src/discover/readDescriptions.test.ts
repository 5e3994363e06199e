import { describe, expect, it } from "vitest";
import { readDescriptions } from "./readDescriptions";

describe("readDescriptions", () => {
  it("reads the JSDoc right before each exported const or function", () => {
    const source = [
      "/** Lists tasks. */",
      "export const list = query({ handler: () => [] });",
      "",
      "/**",
      " * Completes a task.",
      " *",
      " * Sends a notification to the assignee.",
      " * @example",
      " * complete({ id: 1 })",
      " */",
      "export const complete = mutation({ handler: () => null });",
      "// a line comment is not a description",
      "export const bare = query({ handler: () => 1 });",
      "/** Detached. */",
      "const hidden = 1;",
      "export async function helper() {}",
    ].join("\n");
    expect(readDescriptions(source)).toEqual({
      list: "Lists tasks.",
      complete: "Completes a task.\n\nSends a notification to the assignee.",
    });
  });

  it("ignores a JSDoc with only tags, and never reaches across another declaration", () => {
    const source =
      "/** @deprecated */\nexport const old = query({});\n/** A. */\nconst a = 1;\nexport const b = 2;";
    expect(readDescriptions(source)).toEqual({});
  });
});
