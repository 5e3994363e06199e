/**
 * docs/auth.md: `sessions`, `accounts` and `verifications` are unreachable from ctx.db, and `users` shows
 * only its public columns. Tested over a GENERATED list of paths (`support/privatePaths.ts`): every
 * relation path up to 3 public hops from every ctx.db table to a private step, in every position of
 * the where/with/columns/orderBy/aggregate/groupBy/write language, through ctx.db and through the
 * realtime executor (`runQuery`). Each refusal is a 400 `invalid_query` naming the private field, ran no
 * SQL and changed no row; each case's public baseline runs, so refusals are not malformed queries.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { dataModel, getSchemaModel, PUBLIC_USER_FIELDS, type SchemaModel } from "@appflare/schema";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { createDb } from "../../src/db/createDb";
import { countingExecutor, d1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { defineHandlers } from "../../src/handlers/defineHandlers";
import { createWorker } from "../../src/http/createWorker";
import schema from "../boardSchema";
import { type PathCase, pathCases, privatePaths } from "./support/privatePaths";

const model = getSchemaModel(schema);
const TOKEN = "tok_SECRET_session_token_0123456789";
const PASSWORD = "hash_SECRET_scrypt_password";
const USER = "private-owner";
const PRIVATE_MESSAGE =
  /reaches the auth table "(sessions|accounts|verifications)"|is private to the auth layer/;

function runtimeFor(viewModel: SchemaModel = model) {
  const executor = countingExecutor(d1Executor(env.DB));
  const runtime: DbRuntime = {
    model: viewModel,
    executor,
    limits: { defaultLimit: 100, maxLimit: 1000 },
    reads: [],
    events: [],
  };
  return { runtime, executor, db: createDb(runtime) as unknown as Record<string, Record<string, Call>> };
}

type Call = (args: unknown) => unknown;

/** Calls `db[table][method](args)`; `iterate` is consumed up to its first page. */
async function run(db: Record<string, Record<string, Call>>, c: PathCase, args: unknown): Promise<unknown> {
  const client = db[c.table];
  if (client === undefined) throw new Error(`ctx.db has no table "${c.table}"`);
  if (c.method === "iterate") {
    const iterator = client.iterate!(args) as AsyncIterator<unknown>;
    return iterator.next();
  }
  return client[c.method]!(args);
}

async function countEveryTable(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.values(model.tables)) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table.sqlName}"`).first<{ n: number }>();
    out[table.name] = row?.n ?? 0;
  }
  return out;
}

/**
 * Expects a refusal naming the private step, with no SQL run; then (when `baseline`) the public
 * baseline must pass. `runtimeModel` is what the runtime carries: the full model (createDb applies the
 * view) or an explicit narrower view.
 */
async function checkCase(c: PathCase, runtimeModel: SchemaModel, baseline: boolean): Promise<void> {
  const refused = runtimeFor(runtimeModel);
  const error = await run(refused.db, c, c.args).then(
    () => undefined,
    (e: unknown) => e,
  );
  const where = `${c.path.label} @ ${c.method} ${c.position}: ${JSON.stringify(c.args)}`;
  expect(error, where).toBeInstanceOf(InvalidQueryError);
  const invalid = error as InvalidQueryError;
  expect(invalid.status, where).toBe(400);
  expect(invalid.body.code, where).toBe("invalid_query");
  expect(invalid.message, where).toMatch(PRIVATE_MESSAGE);
  expect(invalid.message, where).toContain(`"${c.path.step.name}"`);
  expect(refused.executor.calls, where).toBe(0);
  if (!baseline || c.baseline === undefined) return;
  const base = runtimeFor(runtimeModel);
  const outcome = await run(base.db, c, c.baseline).then(
    () => "ok",
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  if (c.method === "update" && outcome !== "ok")
    expect(outcome, `baseline of ${where}`).toMatch(/set has no fields/);
  else expect(outcome, `baseline of ${where}: ${JSON.stringify(c.baseline)}`).toBe("ok");
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS);
  const batch = [
    env.DB.prepare(
      `INSERT OR IGNORE INTO users (id, name, email, email_verified, created_at, updated_at, role) VALUES (?, 'Owner', 'owner-private@example.com', 1, 0, 0, 'admin')`,
    ).bind(USER),
    env.DB.prepare(
      `INSERT OR IGNORE INTO sessions (id, expires_at, token, created_at, updated_at, user_id) VALUES ('s-private', 9999999999999, ?, 0, 0, ?)`,
    ).bind(TOKEN, USER),
    env.DB.prepare(
      `INSERT OR IGNORE INTO accounts (id, account_id, provider_id, user_id, password, access_token, created_at, updated_at) VALUES ('a-private', ?, 'credential', ?, ?, ?, 0, 0)`,
    ).bind(USER, USER, PASSWORD, TOKEN),
    env.DB.prepare(
      `INSERT OR IGNORE INTO verifications (id, identifier, value, expires_at, created_at, updated_at) VALUES ('v-private', 'owner', ?, 9999999999999, 0, 0)`,
    ).bind(TOKEN),
    env.DB.prepare(
      `INSERT OR IGNORE INTO projects (id, name, slug, created_at, owner_id) VALUES ('p-private', 'Private', 'p-private', 0, ?)`,
    ).bind(USER),
    env.DB.prepare(
      `INSERT OR IGNORE INTO tasks (id, title, project_id, assignee_id, created_at) VALUES (424242, 'T', 'p-private', ?, 0)`,
    ).bind(USER),
  ];
  await env.DB.batch(batch);
});

describe("the generated path list", () => {
  const view = dataModel(model);
  const paths = privatePaths(model, view, 3);

  it("covers every ctx.db table and the known leaks (not a hand-picked few)", () => {
    const labels = paths.map((p) => p.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "users.sessions",
        "users.accounts",
        "projects.owner.sessions",
        "projects.owner.accounts",
        "tasks.project.owner.sessions",
        "tasks.assignee.accounts",
        "comments.author.sessions",
        "attachments.uploadedBy.accounts",
        "labels.tasks.assignee.sessions",
      ]),
    );
    // Every table that reaches users within 3 hops appears as a root.
    const roots = new Set(paths.map((p) => p.root));
    for (const name of ["users", "projects", "tasks", "labels", "comments", "attachments"]) {
      expect(roots.has(name), name).toBe(true);
    }
    expect(paths.length).toBeGreaterThan(50);
  });

  it("refuses every relation path × position through ctx.db, with zero SQL and zero rows changed", async () => {
    const before = await countEveryTable();
    const cases = paths.flatMap((p) => pathCases(p, (name) => view.tables[name]!));
    expect(cases.length).toBeGreaterThan(1000);
    expect(new Set(cases.map((c) => c.position)).size).toBeGreaterThan(20);
    // Baselines (which run SQL) for paths of up to 2 hops: the 3-hop cases have the same shapes one
    // level deeper.
    // The FULL model goes in: createDb itself must apply the view.
    for (const c of cases) await checkCase(c, model, c.path.hops.length <= 2);
    expect(await countEveryTable()).toEqual(before);
  }, 300_000);

  it("refuses every private users column × position (default-deny: a column not listed public)", async () => {
    // A view where only id and name are listed: everything else on users behaves as a future Better Auth
    // column would, proving privacy comes from the list, not from a hand-kept deny list.
    const narrow = dataModel(model, { publicUserFields: ["id", "name"] });
    const columnPaths = privatePaths(model, narrow, 2).filter((p) => p.step.kind === "column");
    expect(new Set(columnPaths.map((p) => p.step.name))).toEqual(
      new Set(PUBLIC_USER_FIELDS.filter((f) => f !== "id" && f !== "name")),
    );
    const before = await countEveryTable();
    const cases = columnPaths.flatMap((p) => pathCases(p, (name) => narrow.tables[name]!));
    for (const c of cases) await checkCase(c, narrow, c.path.hops.length <= 1);
    expect(await countEveryTable()).toEqual(before);

    // Rows, nested rows and write results carry only the public columns.
    const { db } = runtimeFor(narrow);
    const users = (await db.users!.findMany!({ where: { id: USER } })) as Record<string, unknown>[];
    expect(Object.keys(users[0]!).sort()).toEqual(["id", "name"]);
    const projects = (await db.projects!.findMany!({
      where: { id: "p-private" },
      with: { owner: true },
    })) as { owner: Record<string, unknown> }[];
    expect(Object.keys(projects[0]!.owner).sort()).toEqual(["id", "name"]);
    const updated = (await db.users!.update!({ where: { id: USER }, set: { name: "Owner" } })) as object[];
    expect(Object.keys(updated[0]!).sort()).toEqual(["id", "name"]);
  }, 300_000);
});

describe("ctx.db as an object", () => {
  it("has no private table, in ctx.db, batch and transaction alike", async () => {
    const { db } = runtimeFor();
    for (const name of ["sessions", "accounts", "verifications"]) {
      expect(name in db, name).toBe(false);
      expect(() => db[name], name).toThrow(`ctx.db.${name}: "${name}" is the auth layer's table of secrets`);
    }
    expect(Object.keys(db)).toEqual(expect.arrayContaining(["users", "projects", "tasks"]));
    const dbAny = db as unknown as {
      batch: (f: (tx: Record<string, unknown>) => unknown[]) => Promise<unknown>;
      transaction: (f: (tx: Record<string, unknown>) => unknown) => Promise<unknown>;
    };
    await dbAny.batch((tx) => {
      expect(Object.keys(tx)).not.toContain("sessions");
      expect(tx.accounts).toBeUndefined();
      return [];
    });
    await dbAny.transaction((tx) => {
      expect(Object.keys(tx)).not.toContain("verifications");
      expect(tx.sessions).toBeUndefined();
    });
  });

  it("returns users with exactly the public columns, and no secret in any legitimate read", async () => {
    const { db } = runtimeFor();
    const users = (await db.users!.findMany!({ where: { id: USER } })) as Record<string, unknown>[];
    expect(Object.keys(users[0]!).sort()).toEqual([...PUBLIC_USER_FIELDS].sort());
    const everything = [
      await db.projects!.findMany!({ with: { owner: true, tasks: { with: { assignee: true } } } }),
      await db.tasks!.findMany!({ with: { project: { with: { owner: true } }, assignee: true } }),
      await db.users!.findMany!({}),
      await db.users!.groupBy!({ by: ["id", "email"], _count: true }),
    ];
    const text = JSON.stringify(everything);
    expect(text).toContain("owner-private@example.com");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
  });

  it("still lets the auth layer's tables be read through ctx.$db's model (the full model is untouched)", () => {
    expect(Object.keys(model.tables)).toEqual(
      expect.arrayContaining(["sessions", "accounts", "verifications"]),
    );
    expect(Object.keys(model.tables.users!.relations)).toEqual(
      expect.arrayContaining(["sessions", "accounts"]),
    );
    expect(dataModel(model)).toBe(dataModel(model));
    expect(dataModel(dataModel(model))).toBe(dataModel(model));
  });
});

describe("the realtime executor (runQuery → readSet)", () => {
  const { query } = defineHandlers<typeof schema>();
  const modules = {
    probe: {
      read: query({
        args: { table: z.string(), method: z.string(), args: z.record(z.string(), z.unknown()) },
        handler: async (ctx, input) => {
          const db = ctx.db as unknown as Record<string, Record<string, Call>>;
          const c = { table: input.table, method: input.method } as PathCase;
          const result = await run(db, c, input.args);
          return JSON.parse(JSON.stringify(result ?? null));
        },
      }),
    },
  };
  const worker = createWorker({ schema, config: {}, modules });
  const view = dataModel(model);

  it("refuses every generated read case in a subscription's query too", async () => {
    const cases = privatePaths(model, view, 3)
      .flatMap((p) => pathCases(p, (name) => view.tables[name]!))
      .filter((c) => !c.write);
    expect(cases.length).toBeGreaterThan(1000);
    for (const c of cases) {
      const where = `${c.path.label} @ ${c.method} ${c.position}`;
      const error = await worker
        .runQuery("probe/read", { table: c.table, method: c.method, args: c.args }, { env })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error, where).toBeInstanceOf(InvalidQueryError);
      expect((error as Error).message, where).toMatch(PRIVATE_MESSAGE);
    }
  }, 300_000);

  it("records a read set of public tables only, and returns no secret", async () => {
    const result = await worker.runQuery(
      "probe/read",
      {
        table: "projects",
        method: "findMany",
        args: {
          where: { owner: { email: { exists: true } } },
          with: { owner: true, tasks: { with: { assignee: true } } },
        },
      },
      { env },
    );
    const text = JSON.stringify(result.data);
    expect(text).toContain(USER);
    expect(text).not.toContain(TOKEN);
    const tables = result.readSet.reads.map((r) => ("table" in r ? r.table : "unknown"));
    expect(tables).toEqual(expect.arrayContaining(["projects", "users", "tasks"]));
    for (const name of tables) expect(["sessions", "accounts", "verifications"]).not.toContain(name);
  });
});
