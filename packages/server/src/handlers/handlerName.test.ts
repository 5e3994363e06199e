import { describe, expect, it } from "vitest";
import { handlerName, moduleSegments } from "./handlerName";

describe("handlerName", () => {
  it.each([
    ["blog/posts", "list", "blog/posts/list"],
    ["blog/posts.ts", "list", "blog/posts/list"],
    ["./blog/posts.tsx", "list", "blog/posts/list"],
    ["blog\\posts.mts", "list", "blog/posts/list"],
    ["queries/tasks", "list", "tasks/list"],
    ["mutations/tasks.ts", "complete", "tasks/complete"],
    ["schedulers/mail/digest", "send", "mail/digest/send"],
    ["crons/cleanup", "nightly", "cleanup/nightly"],
    ["blog/index", "feed", "blog/feed"],
    ["blog/index.ts", "feed", "blog/feed"],
    ["queries/index.ts", "all", "all"],
    ["index", "health", "health"],
    // Only a leading folder is dropped: a module named like a kind folder keeps its name, and so does
    // a kind folder deeper in the path.
    ["queries", "list", "queries/list"],
    ["admin/queries/users", "list", "admin/queries/users/list"],
    ["queries/mutations/x", "y", "mutations/x/y"],
    ["blog/posts.v2", "list", "blog/posts.v2/list"],
    ["tasks", "default", "tasks/default"],
  ])("%s + %s → %s", (modulePath, exportName, expected) => {
    expect(handlerName(modulePath, exportName)).toBe(expected);
  });

  it("exposes the module part on its own", () => {
    expect(moduleSegments("queries/blog/index.ts")).toEqual(["blog"]);
  });
});
