import { describe, expect, it } from "vitest";
import { isIdentifier, propertyKey, uniqueIdentifiers } from "./identifiers";

describe("identifiers", () => {
  it("makes distinct identifiers from module paths, deterministically", () => {
    expect(uniqueIdentifiers(["blog/posts", "blog_posts", "blog-posts", "a"], "m_")).toEqual([
      "m_blog_posts",
      "m_blog_posts_2",
      "m_blog_posts_3",
      "m_a",
    ]);
  });

  it("quotes property keys only when needed and rejects reserved words as bindings", () => {
    expect(propertyKey("tasks")).toBe("tasks");
    expect(propertyKey("blog/posts")).toBe('"blog/posts"');
    expect(isIdentifier("default")).toBe(false);
    expect(isIdentifier("tasks")).toBe(true);
    expect(isIdentifier("9lives")).toBe(false);
  });
});
