import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { d1Query } from "./support/d1Query";
import { runCliProcess } from "./support/runCliProcess";

// The app's own auth options must be the ones add-admin runs: a PBKDF2 hash (a recognisable stored
// format) and a 12-character minimum instead of Better Auth's 8.
const config = `import { defineConfig, pbkdf2Password } from "@appflare/server";

export default defineConfig({
  name: "admin-fixture",
  storage: { bucketName: "basic-files" },
  exclude: ["legacy/**"],
  auth: {
    options: {
      emailAndPassword: { enabled: true, minPasswordLength: 12, password: pbkdf2Password({ iterations: 2000 }) },
    },
  },
});
`;

const query = d1Query;

const count = (dir: string, table: string) =>
  query<{ n: number }>(dir, `SELECT count(*) AS n FROM ${table}`)[0]?.n ?? -1;

describe("appflare add-admin (local D1 through wrangler's platform proxy)", () => {
  let dir = "";
  const addAdmin = (...args: string[]) => runCliProcess(["add-admin", ...args], dir);

  beforeAll(() => {
    dir = copyFixture("basic");
    writeFileSync(join(dir, "appflare.config.ts"), config);
  });

  it("refuses an unmigrated database and names the command that fixes it", () => {
    const run = addAdmin("-e", "ops@example.com", "-p", "a long passphrase");
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('the DB (local) database has no "users" table');
    expect(run.stderr).toContain("appflare migrate --local");
  });

  it("creates an admin with an email/password account hashed by the app's password hash", () => {
    const migrate = runCliProcess(["migrate", "--local"], dir);
    expect(migrate.code, migrate.stderr).toBe(0);
    const run = addAdmin("-e", "Ops@Example.com", "-p", "a long passphrase", "-n", "Ops");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/created admin ops@example\.com \(user \S+\) in DB \(local\)/);
    const users = query<{ id: string; email: string; name: string; role: string; email_verified: number }>(
      dir,
      "SELECT id, email, name, role, email_verified FROM users",
    );
    expect(users).toEqual([
      { id: expect.any(String), email: "ops@example.com", name: "Ops", role: "admin", email_verified: 1 },
    ]);
    const accounts = query<{ provider_id: string; user_id: string; password: string }>(
      dir,
      "SELECT provider_id, user_id, password FROM accounts",
    );
    expect(accounts).toEqual([
      {
        provider_id: "credential",
        user_id: users[0]?.id,
        password: expect.stringMatching(/^pbkdf2-sha256\$2000\$/),
      },
    ]);
  });

  it("rejects a bad email or a password outside the app's limits and writes nothing", () => {
    const before = { users: count(dir, "users"), accounts: count(dir, "accounts") };
    const badEmail = addAdmin("-e", "not-an-email", "-p", "a long passphrase");
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('"not-an-email" is not an email address');
    const shortPassword = addAdmin("-e", "new@example.com", "-p", "too-short");
    expect(shortPassword.code).toBe(1);
    // 12 is this app's minimum, not Better Auth's default of 8: the app's options were used.
    expect(shortPassword.stderr).toContain("the password must be 12–128 characters (got 9)");
    expect({ users: count(dir, "users"), accounts: count(dir, "accounts") }).toEqual(before);
  });

  it("promotes an existing user without touching their credentials, and is idempotent", () => {
    query(
      dir,
      "INSERT INTO users (id, name, email, email_verified, created_at, updated_at) VALUES ('u-ada', 'Ada', 'ada@example.com', 0, 0, 0)",
    );
    const promoted = addAdmin("-e", "ada@example.com", "-p", "another long passphrase");
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain("promoted ada@example.com (user u-ada) to admin in DB (local)");
    expect(promoted.stdout).toContain("their password was not changed");
    expect(query(dir, "SELECT role FROM users WHERE id = 'u-ada'")).toEqual([{ role: "admin" }]);
    expect(count(dir, "accounts")).toBe(1);

    const again = addAdmin("-e", "ada@example.com", "-p", "another long passphrase");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("ada@example.com is already an admin in DB (local); nothing changed");
    expect(count(dir, "users")).toBe(2);
  });

  it("--remote without a database id says how to get one, before contacting Cloudflare", () => {
    const run = addAdmin("--remote", "-e", "ops@example.com", "-p", "a long passphrase");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("add-admin --remote needs the id of the DB D1 database");
    expect(run.stderr).toContain("database.databaseId");
  });

  it("says so when the app has auth turned off", () => {
    const minimal = copyFixture("minimal");
    const run = runCliProcess(["add-admin", "-e", "ops@example.com", "-p", "a long passphrase"], minimal);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("auth is disabled");
  });
});
