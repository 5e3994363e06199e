import { describe, expect, it } from "vitest";
import { writeTestRuntime } from "./writeTestRuntime";

describe("ctx.db.<unknown table>", () => {
  it("throws at the access, naming the table and the known tables", async () => {
    const { db } = await writeTestRuntime();
    const loose = db as unknown as Record<string, { findMany(): unknown }>;
    expect(() => loose.nope?.findMany()).toThrow(
      /ctx\.db\.nope: the schema has no table "nope" \(tables: [^)]*\bprojects\b[^)]*\btasks\b[^)]*\)/,
    );
  });

  it("leaves known tables, batch/transaction and probed keys (then, toJSON, symbols) alone", async () => {
    const { db } = await writeTestRuntime();
    expect(typeof db.projects.findMany).toBe("function");
    expect(typeof db.batch).toBe("function");
    const loose = db as unknown as Record<string | symbol, unknown>;
    expect(loose.then).toBeUndefined();
    expect(loose.toJSON).toBeUndefined();
    expect(loose[Symbol.iterator]).toBeUndefined();
    expect(await Promise.resolve(db)).toBe(db);
  });
});
