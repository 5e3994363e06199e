import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localD1File } from "./localD1File";

describe("localD1File", () => {
  it("names the file wrangler 4.86 writes for a database id (read off a real `d1 migrations apply --local`)", () => {
    expect(localD1File("/app", "local")).toBe(
      join(
        "/app/.wrangler/state/v3/d1/miniflare-D1DatabaseObject",
        "2b35d4d42e3c9f6b5ad5b5579a7b1470c66e69f6b33a31e3f5a0095cc6d18656.sqlite",
      ),
    );
  });

  it("differs per database id", () => {
    expect(localD1File("/app", "other")).not.toBe(localD1File("/app", "local"));
  });
});
