import { describe, expect, it } from "vitest";
import { canonicalPath } from "./canonicalPath";
import { safeNext } from "./safeNext";

describe("safeNext (where sign-in sends you)", () => {
  it("keeps a dashboard path with its query", () => {
    expect(safeNext("/admin/tables/posts?sort=title&dir=desc", "/admin")).toBe(
      "/admin/tables/posts?sort=title&dir=desc",
    );
  });

  it.each([
    "//evil.example/admin",
    "https://evil.example/admin",
    "/\\evil.example",
    "/admin/../queries/x",
    "/administrator",
    "/%2Fevil.example",
    "",
    undefined,
  ])("refuses %s (no open redirect, nothing outside the dashboard)", (next) => {
    expect(safeNext(next, "/admin")).toBe("/admin");
  });
});

describe("canonicalPath", () => {
  it.each([
    ["//admin", "/admin"],
    ["/%61dmin/users", "/admin/users"],
    ["/%2561dmin", "/admin"],
    ["/admin%2F..%2Fqueries", "/queries"],
    ["/admin%5Cusers", "/admin/users"],
    ["/admin/%E0%A4%A", "/admin/%E0%A4%A"],
  ])("%s is %s", (raw, canonical) => {
    expect(canonicalPath(raw)).toBe(canonical);
  });
});
