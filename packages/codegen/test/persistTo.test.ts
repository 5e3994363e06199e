import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { d1Query } from "./support/d1Query";
import { runCliProcess } from "./support/runCliProcess";
import { startCliProcess } from "./support/startCliProcess";

/**
 * `--persist-to` moves wrangler's local state (D1, R2, Durable Objects). Migrations must land in the
 * folder the dev server serves, or the Worker meets a database without its tables.
 */
describe("--persist-to: migrations go to the state folder the dev server uses", { timeout: 600_000 }, () => {
  let dir = "";
  const defaultState = () => join(dir, ".wrangler", "state", "v3", "d1");
  const tables = (persistTo: string) =>
    d1Query<{ name: string }>(
      dir,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
      persistTo,
    ).map((row) => row.name);

  beforeAll(() => {
    dir = copyFixture("minimal");
  });

  it("appflare migrate --persist-to applies there, and .wrangler/state is never created", () => {
    const run = runCliProcess(["migrate", "--persist-to", "state-a"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(tables("state-a")).toContain("notes");
    expect(existsSync(defaultState())).toBe(false);
  });

  it("the next migration checks and applies on that folder's rows (kept, given the default)", () => {
    d1Query(dir, "INSERT INTO notes (id, text) VALUES ('n1', 'kept')", "state-a");
    writeFileSync(
      join(dir, "db", "schema.ts"),
      `import { schema, table, v } from "@appflare/schema";

export const appSchema = schema({
  notes: table({ id: v.uuid(), text: v.string().notNull(), pinned: v.boolean().notNull().default(false) }),
});
`,
    );
    const run = runCliProcess(["migrate", "--persist-to", "state-a"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(d1Query(dir, "SELECT id, text, pinned FROM notes", "state-a")).toEqual([
      { id: "n1", text: "kept", pinned: 0 },
    ]);
    expect(existsSync(defaultState())).toBe(false);
  });

  it("--persist-to with --remote is refused before anything runs", () => {
    const run = runCliProcess(["migrate", "--remote", "--persist-to", "state-a"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--persist-to names a local state folder: use it with --local");
  });

  it("appflare dev -- --persist-to migrates the folder it serves", async () => {
    const dev = startCliProcess(["dev", "--no-wrangler", "--", "--persist-to", "state-b"], dir);
    try {
      await dev.waitFor(/ready; watching for changes/, 0, 300_000);
    } finally {
      expect(await dev.stop()).toBe(0);
    }
    expect(tables("state-b")).toContain("notes");
    expect(existsSync(defaultState())).toBe(false);
  });
});
