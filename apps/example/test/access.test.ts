import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { callMutation, callQuery, type Reply, send, signUp } from "./support";

/**
 * The example's access matrix: every route × every kind of caller, each on a fresh project, checking
 * the status, then that a refused call changed nothing (row counts, rows, stored files) and an allowed
 * one changed exactly the counts it should. The README's access table says the same in prose.
 */

type Role = "anonymous" | "owner" | "member" | "outsider" | "admin";
const ROLES: readonly Role[] = ["anonymous", "owner", "member", "outsider", "admin"];

/** Who may call: any signed-in user, a project's members (and admins), or its owner (and admins). */
type Level = "signedIn" | "member" | "owner" | "storage";
const STATUS: Record<Level, Record<Role, number>> = {
  signedIn: { anonymous: 401, owner: 200, member: 200, outsider: 200, admin: 200 },
  // Not a member: the project (or task) "does not exist", so its id is not confirmed.
  member: { anonymous: 401, owner: 200, member: 200, outsider: 404, admin: 200 },
  owner: { anonymous: 401, owner: 200, member: 403, outsider: 404, admin: 200 },
  // Storage managers answer yes or no: anything else is 403.
  storage: { anonymous: 403, owner: 200, member: 200, outsider: 403, admin: 200 },
};

const TABLES = [
  "projects",
  "members",
  "tasks",
  "labels",
  "labels_tasks_links",
  "comments",
  "attachments",
] as const;
type Table = (typeof TABLES)[number];

/** One project with an owner, a member, two labels, a task carrying the first, a comment, a file. */
interface Fixture {
  readonly n: number;
  readonly projectId: string;
  readonly slug: string;
  readonly taskId: number;
  readonly label1: number;
  readonly label2: number;
  readonly commentId: string;
  readonly attachmentId: string;
  /** Stored file of the attachment row. */
  readonly filePath: string;
  /** Uploaded under the task's folder but not recorded yet (for attachments/add). */
  readonly uploadedPath: string;
}

interface Route {
  readonly name: string;
  readonly level: Level;
  readonly call: (f: Fixture, token: string | null) => Promise<Reply>;
  /** Row-count changes of an allowed call (none for queries). */
  readonly delta?: Partial<Record<Table, number>>;
  /** Stored-file count change of an allowed call. */
  readonly files?: number;
  /** Reads change nothing; everything else changes something when allowed. */
  readonly read?: boolean;
}

const query = (name: string, level: Level, args: (f: Fixture) => unknown): Route => ({
  name,
  level,
  read: true,
  call: (f, token) => callQuery(name, args(f), token),
});
const mutation = (
  name: string,
  level: Level,
  args: (f: Fixture) => unknown,
  effect: Pick<Route, "delta" | "files"> = {},
): Route => ({ name, level, ...effect, call: (f, token) => callMutation(name, args(f), token) });

const users: Record<Exclude<Role, "anonymous">, { token: string; userId: string; email: string }> = {
  owner: { token: "", userId: "", email: "owner@example.com" },
  member: { token: "", userId: "", email: "member@example.com" },
  outsider: { token: "", userId: "", email: "outsider@example.com" },
  admin: { token: "", userId: "", email: "admin@example.com" },
};

const ROUTES: readonly Route[] = [
  query("projects/list", "signedIn", () => ({})),
  query("projects/get", "member", (f) => ({ slug: f.slug })),
  mutation("projects/create", "signedIn", (f) => ({ name: "New", slug: `new-${f.n}` }), {
    delta: { projects: 1, members: 1 },
  }),
  mutation("projects/archive", "owner", (f) => ({ id: f.projectId })),
  query("members/list", "member", (f) => ({ projectId: f.projectId })),
  mutation("members/add", "owner", (f) => ({ projectId: f.projectId, email: users.outsider.email }), {
    delta: { members: 1 },
  }),
  mutation("members/remove", "owner", (f) => ({ projectId: f.projectId, userId: users.member.userId }), {
    delta: { members: -1 },
  }),
  query("tasks/list", "member", (f) => ({ projectId: f.projectId })),
  query("tasks/get", "member", (f) => ({ id: f.taskId })),
  mutation(
    "tasks/create",
    "member",
    (f) => ({ projectId: f.projectId, title: "New", labelIds: [f.label1] }),
    {
      delta: { tasks: 1, labels_tasks_links: 1 },
    },
  ),
  mutation("tasks/update", "member", (f) => ({
    id: f.taskId,
    title: "Renamed",
    assigneeId: users.member.userId,
  })),
  mutation("tasks/setChecklist", "member", (f) => ({ id: f.taskId, items: [{ text: "Draft", done: true }] })),
  mutation("tasks/complete", "member", (f) => ({ id: f.taskId })),
  mutation("tasks/remove", "member", (f) => ({ id: f.taskId }), {
    delta: { tasks: -1, labels_tasks_links: -1, comments: -1, attachments: -1 },
    files: -1,
  }),
  query("labels/list", "member", (f) => ({ projectId: f.projectId })),
  mutation("labels/create", "member", (f) => ({ projectId: f.projectId, name: `new-${f.n}` }), {
    delta: { labels: 1 },
  }),
  mutation("labels/attach", "member", (f) => ({ taskId: f.taskId, labelIds: [f.label2] }), {
    delta: { labels_tasks_links: 1 },
  }),
  mutation("labels/detach", "member", (f) => ({ taskId: f.taskId, labelId: f.label1 }), {
    delta: { labels_tasks_links: -1 },
  }),
  query("comments/list", "member", (f) => ({ taskId: f.taskId })),
  mutation("comments/add", "member", (f) => ({ taskId: f.taskId, body: "Looks good" }), {
    delta: { comments: 1 },
  }),
  // The fixture's comment is the member's own, so a member may delete it (another's: see below).
  mutation("comments/remove", "member", (f) => ({ id: f.commentId }), { delta: { comments: -1 } }),
  query("attachments/list", "member", (f) => ({ taskId: f.taskId })),
  query("attachments/uploadPath", "member", (f) => ({ taskId: f.taskId, fileName: "spec sheet.pdf" })),
  mutation("attachments/add", "member", (f) => ({ taskId: f.taskId, path: f.uploadedPath }), {
    delta: { attachments: 1 },
  }),
  mutation("attachments/remove", "member", (f) => ({ id: f.attachmentId }), {
    delta: { attachments: -1 },
    files: -1,
  }),
  {
    name: "GET /storage/object",
    level: "storage",
    read: true,
    call: (f, token) => send("GET", `/storage/object?path=${encodeURIComponent(f.filePath)}`, { token }),
  },
  {
    name: "GET /storage/list",
    level: "storage",
    read: true,
    call: (f, token) =>
      send("GET", `/storage/list?prefix=${encodeURIComponent(`projects/${f.projectId}/`)}`, { token }),
  },
  {
    name: "PUT /storage/object",
    level: "storage",
    files: 1,
    call: (f, token) =>
      send("PUT", `/storage/object?path=${encodeURIComponent(`projects/${f.projectId}/notes.txt`)}`, {
        token,
        body: "notes",
        headers: { "content-type": "text/plain" },
      }),
  },
  {
    name: "DELETE /storage/object",
    level: "storage",
    files: -1,
    call: (f, token) => send("DELETE", `/storage/object?path=${encodeURIComponent(f.filePath)}`, { token }),
  },
];

let fixtures = 0;

/** Writes a fresh fixture straight to D1 and R2 (not through the routes under test). */
async function seed(): Promise<Fixture> {
  const n = ++fixtures;
  const id = (what: string) => `00000000-0000-4000-8000-${what}${String(n).padStart(12 - what.length, "0")}`;
  const f: Fixture = {
    n,
    projectId: id("p"),
    slug: `project-${n}`,
    taskId: n * 10,
    label1: n * 10 + 1,
    label2: n * 10 + 2,
    commentId: id("c"),
    attachmentId: id("a"),
    filePath: `projects/${id("p")}/tasks/${n * 10}/spec.txt`,
    uploadedPath: `projects/${id("p")}/tasks/${n * 10}/upload.txt`,
  };
  const run = (sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds);
  await env.DB.batch([
    run(
      "INSERT INTO projects (id, name, slug, created_at, owner_id) VALUES (?, 'Launch', ?, 0, ?)",
      f.projectId,
      f.slug,
      users.owner.userId,
    ),
    run(
      "INSERT INTO members (id, role, added_at, project_id, user_id) VALUES (?, 'owner', 0, ?, ?), (?, 'member', 0, ?, ?)",
      id("m1"),
      f.projectId,
      users.owner.userId,
      id("m2"),
      f.projectId,
      users.member.userId,
    ),
    run(
      "INSERT INTO labels (id, name, project_id) VALUES (?, ?, ?), (?, ?, ?)",
      f.label1,
      `bug-${n}`,
      f.projectId,
      f.label2,
      `idea-${n}`,
      f.projectId,
    ),
    run(
      "INSERT INTO tasks (id, title, created_at, project_id) VALUES (?, 'Ship it', 0, ?)",
      f.taskId,
      f.projectId,
    ),
    run("INSERT INTO labels_tasks_links (label_id, task_id) VALUES (?, ?)", f.label1, f.taskId),
    run(
      "INSERT INTO comments (id, body, created_at, task_id, author_id) VALUES (?, 'First!', 0, ?, ?)",
      f.commentId,
      f.taskId,
      users.member.userId,
    ),
    run(
      "INSERT INTO attachments (id, path, size, uploaded_at, task_id, uploader_id) VALUES (?, ?, 4, 0, ?, ?)",
      f.attachmentId,
      f.filePath,
      f.taskId,
      users.member.userId,
    ),
  ]);
  await env.STORAGE.put(f.filePath, "spec");
  await env.STORAGE.put(f.uploadedPath, "upload");
  return f;
}

/** Everything a call could change: each table's rows (so also their count) and the stored file keys. */
async function state(): Promise<{ counts: Record<Table, number>; rows: string; files: string[] }> {
  const counts = {} as Record<Table, number>;
  let rows = "";
  for (const table of TABLES) {
    const all = (await env.DB.prepare(`SELECT * FROM ${table}`).all()).results;
    counts[table] = all.length;
    rows += JSON.stringify(all);
  }
  const files = (await env.STORAGE.list()).objects.map((o) => o.key);
  return { counts, rows, files };
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  for (const [role, user] of Object.entries(users)) Object.assign(user, await signUp(user.email), { role });
  await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(users.admin.userId).run();
});

const cases = ROUTES.flatMap((route) => ROLES.map((role) => [route.name, role, route] as const));

describe("access matrix: every route × anonymous, owner, member, outsider, admin", () => {
  it.each(cases)("%s as %s", async (_name, role, route) => {
    const f = await seed();
    const before = await state();
    const reply = await route.call(f, role === "anonymous" ? null : users[role].token);
    const expected = STATUS[route.level][role];
    expect(reply.status, JSON.stringify(reply.body)).toBe(expected);
    const after = await state();
    if (expected !== 200 || route.read) {
      // Refused, or a read: nothing changed, not a row, not a file.
      expect(after).toEqual(before);
      return;
    }
    for (const table of TABLES) {
      expect(after.counts[table] - before.counts[table], table).toBe(route.delta?.[table] ?? 0);
    }
    expect(after.files.length - before.files.length, "files").toBe(route.files ?? 0);
    expect(
      after.rows === before.rows && after.files.join() === before.files.join(),
      "something changed",
    ).toBe(false);
  });
});

describe("what the matrix does not show", () => {
  it("lists only the caller's projects", async () => {
    const f = await seed();
    const mine = await callQuery("projects/list", { pageSize: 100 }, users.member.token);
    expect((mine.body as { rows: { id: string }[] }).rows.map((p) => p.id)).toContain(f.projectId);
    // Admins may open any project, but "my projects" lists only those they are members of.
    for (const role of ["outsider", "admin"] as const) {
      const other = await callQuery("projects/list", { pageSize: 100 }, users[role].token);
      expect(other.status).toBe(200);
      const ids = (other.body as { rows: { id: string }[] }).rows;
      expect(ids.map((p) => p.id)).not.toContain(f.projectId);
      // What they do see (projects they created or were added to above) has them as a member.
      for (const project of ids) {
        const membership = await env.DB.prepare("SELECT 1 FROM members WHERE project_id = ? AND user_id = ?")
          .bind(project.id, users[role].userId)
          .first();
        expect(membership, project.id).not.toBeNull();
      }
    }
  });

  it("a member cannot delete another member's comment; the owner can", async () => {
    const f = await seed();
    await env.DB.prepare("UPDATE comments SET author_id = ? WHERE id = ?")
      .bind(users.owner.userId, f.commentId)
      .run();
    const before = await state();
    const refused = await callMutation("comments/remove", { id: f.commentId }, users.member.token);
    expect(refused.status).toBe(403);
    expect(await state()).toEqual(before);
    await env.DB.prepare("UPDATE comments SET author_id = ? WHERE id = ?")
      .bind(users.member.userId, f.commentId)
      .run();
    const allowed = await callMutation("comments/remove", { id: f.commentId }, users.owner.token);
    expect(allowed.status).toBe(200);
  });

  it("members cannot reach into another project: its labels, its tasks as parents, its files, outsiders as assignees", async () => {
    const mine = await seed();
    const theirs = await seed();
    await env.DB.prepare("DELETE FROM members WHERE project_id = ? AND role = 'member'")
      .bind(theirs.projectId)
      .run();
    const before = await state();
    const token = users.member.token;
    const attempts = [
      callMutation(
        "tasks/create",
        { projectId: mine.projectId, title: "x", labelIds: [theirs.label1] },
        token,
      ),
      callMutation("tasks/create", { projectId: mine.projectId, title: "x", parentId: theirs.taskId }, token),
      callMutation("labels/attach", { taskId: mine.taskId, labelIds: [theirs.label2] }, token),
      callMutation("tasks/update", { id: mine.taskId, assigneeId: users.outsider.userId }, token),
      callMutation("attachments/add", { taskId: mine.taskId, path: theirs.uploadedPath }, token),
      callMutation("attachments/add", { taskId: mine.taskId, path: `${mine.uploadedPath}.missing` }, token),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    const foreign = await send("GET", `/storage/object?path=${encodeURIComponent(theirs.filePath)}`, {
      token,
    });
    expect(foreign.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("the owner's membership cannot be removed", async () => {
    const f = await seed();
    const before = await state();
    const res = await callMutation(
      "members/remove",
      { projectId: f.projectId, userId: users.owner.userId },
      users.owner.token,
    );
    expect(res.status).toBe(409);
    expect(await state()).toEqual(before);
  });
});
