import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, makeAuthWorker, migrateAuthDb, send, signUp } from "./support";

const worker = makeAuthWorker();

beforeAll(migrateAuthDb);

interface Profile {
  readonly user: { readonly plan?: string | null; readonly tags: string[] | null };
  readonly row: Record<string, unknown> | null;
}

async function profile(token: string): Promise<Profile> {
  const reply = await send(worker, "GET", "/queries/account/profile", { headers: bearer(token) });
  expect(reply.status).toBe(200);
  return reply.body as Profile;
}

describe("user.additionalFields as users columns", () => {
  it("are created by the migration drizzle-kit generated from the extended schema", async () => {
    const columns = await env.DB.prepare(
      "SELECT name, type, \"notnull\" AS nn, dflt_value AS dflt FROM pragma_table_info('users') WHERE name IN ('plan', 'tags') ORDER BY cid",
    ).all<{ name: string; type: string; nn: number; dflt: string | null }>();
    expect(columns.results).toEqual([
      // required: false → nullable even with a default.
      { name: "plan", type: "TEXT", nn: 0, dflt: "'free'" },
      { name: "tags", type: "TEXT", nn: 0, dflt: null },
    ]);
  });

  it("reach ctx.user and the ctx.db.users row alike, JSON fields included", async () => {
    const { token, userId } = await signUp(worker, "fields@example.test", undefined, {
      plan: "pro",
      tags: ["beta", "ops"],
    });
    const { user, row } = await profile(token);
    expect(user).toEqual({ plan: "pro", tags: ["beta", "ops"] });
    expect(row).toMatchObject({
      id: userId,
      email: "fields@example.test",
      plan: "pro",
      tags: ["beta", "ops"],
    });
    const stored = await env.DB.prepare("SELECT tags FROM users WHERE id = ?").bind(userId).first<{
      tags: string;
    }>();
    expect(JSON.parse(stored?.tags ?? "null")).toEqual(["beta", "ops"]);
  });

  it("apply the default literal: Better Auth's at sign-up, the SQL DEFAULT on a plain insert", async () => {
    const { token, userId } = await signUp(worker, "defaults@example.test");
    const { user, row } = await profile(token);
    expect(user).toEqual({ plan: "free", tags: null });
    expect(row).toMatchObject({ id: userId, plan: "free", tags: null });

    await env.DB.prepare(
      "INSERT INTO users (id, name, email, email_verified, created_at, updated_at) VALUES ('raw', 'Raw', 'raw@example.test', 0, 0, 0)",
    ).run();
    const raw = await env.DB.prepare("SELECT plan FROM users WHERE id = 'raw'").first<{ plan: string }>();
    expect(raw?.plan).toBe("free");
  });
});

describe("an additional field with returned: false", () => {
  it("is stored, but ctx.db neither returns it nor lets a where, columns or orderBy reach it", async () => {
    const { token, userId } = await signUp(worker, "hidden@example.test");
    await env.DB.prepare("UPDATE users SET recovery_code = 'rc-secret' WHERE id = ?").bind(userId).run();
    const rows = await send(worker, "GET", "/queries/account/recoveryCode?via=none", {
      headers: bearer(token),
    });
    expect(rows.status).toBe(200);
    const [row] = rows.body as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ id: userId, plan: "free" });
    expect(row).not.toHaveProperty("recoveryCode");
    expect(JSON.stringify(rows.body)).not.toContain("rc-secret");
    expect(JSON.stringify((await profile(token)).row)).not.toContain("rc-secret");
    for (const via of ["where", "columns", "orderBy"]) {
      const refused = await send(worker, "GET", `/queries/account/recoveryCode?via=${via}`, {
        headers: bearer(token),
      });
      expect(refused.status, via).toBe(400);
      expect(refused.body, via).toMatchObject({ code: "invalid_query" });
      // orderBy resolves names against the same view, so the column is simply unknown there.
      expect((refused.body as { message: string }).message, via).toContain(
        via === "orderBy"
          ? 'Unknown key "recoveryCode"'
          : 'Column "recoveryCode" of table "users" is private to the auth layer (an additional field with returned: false)',
      );
    }
  });
});
