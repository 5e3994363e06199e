import { env, evictDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServerMessage } from "../src/protocol/index";
import { shardName } from "../src/shard/shardIndex";
import { bearer, migrate, mutate, request, signUp, TestSocket } from "./support";

/**
 * The docs/realtime.md guarantees, tested against the real thing: random subscriptions (varied where, with,
 * orderBy, limit; several users and anonymous) and random ctx.db writes through the mutation routes,
 * with forced Durable Object evictions in between. After every step, once quiet, each subscription's
 * last result must equal a fresh run of its query.
 */

type User = { token: string; userId: string } | null;
interface Sub {
  readonly id: string;
  readonly socket: number;
  readonly queryName: string;
  readonly args: Record<string, unknown>;
}
interface Step {
  readonly kind: "create" | "update" | "delete" | "project" | "label" | "evict";
  readonly n: number;
  readonly m: number;
  readonly flag: boolean;
}

let users: User[] = [];
let labels: number[] = [];

beforeAll(async () => {
  await migrate();
  users = [await signUp("diff-a"), await signUp("diff-b"), null];
  labels = [];
  for (const name of ["red", "blue"])
    labels.push(((await mutate("projects/createLabel", { name })).body as { id: number }[])[0]!.id);
});

const scalarWhere = fc.oneof(
  fc.boolean().map((done) => ({ done })),
  fc.integer({ min: 0, max: 3 }).map((p) => ({ priority: { gte: p } })),
  fc.subarray([0, 1, 2, 3], { minLength: 1 }).map((ps) => ({ priority: { in: ps } })),
  fc.constantFrom("t0", "t1", "t2").map((title) => ({ title: { startsWith: title } })),
  fc.constant({ assigneeId: null }),
  fc.constantFrom("p0", "p1").map((name) => ({ project: { name: { endsWith: name } } })),
);
const whereArb = fc.oneof(
  scalarWhere,
  fc.tuple(scalarWhere, scalarWhere).map(([a, b]) => ({ or: [a, b] })),
  scalarWhere.map((w) => ({ not: w })),
);

function subArb(socket: number, id: string) {
  const userSpecific = users[socket] !== null;
  const find = fc
    .record({
      where: whereArb,
      orderBy: fc.constantFrom(
        { column: "id" },
        { column: "priority", direction: "desc" as const },
        { column: "title" },
      ),
      limit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      withProject: fc.boolean(),
      withLabels: fc.boolean(),
    })
    .map((a) => ({ queryName: "tasks/find", args: stripUndefined(a) }));
  const options = [
    find,
    fc.constant({ queryName: "tasks/rawCount", args: {} }),
    fc.integer({ min: 1, max: 3 }).map((limit) => ({ queryName: "projects/withTasks", args: { limit } })),
    ...(userSpecific
      ? [
          fc.constant({ queryName: "tasks/mine", args: {} }),
          fc.constant({ queryName: "tasks/owned", args: {} }),
        ]
      : []),
  ];
  return fc.oneof(...options).map((s): Sub => ({ id, socket, ...s }));
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom("create", "create", "update", "update", "delete", "project", "label", "evict"),
  n: fc.nat(50),
  m: fc.nat(50),
  flag: fc.boolean(),
});

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

describe("randomized differential: every subscription converges to a fresh run", () => {
  it("0 missed, 0 stale, 0 cross-user, 0 duplicate pushes, versions strictly increasing", async () => {
    const totals = {
      runs: 0,
      steps: 0,
      checks: 0,
      pushes: 0,
      evictions: 0,
      missed: 0,
      stale: 0,
      crossUser: 0,
      duplicates: 0,
      versionRegressions: 0,
    };
    const model = fc
      .tuple(fc.constant(0), fc.array(fc.nat(2), { minLength: 3, maxLength: 7 }))
      .chain(([, sockets]) =>
        fc.tuple(
          fc.tuple(...sockets.map((socket, i) => subArb(socket, `s${i}`))),
          fc.array(stepArb, { minLength: 6, maxLength: 12 }),
        ),
      );

    await fc.assert(
      fc.asyncProperty(model, async ([subs, steps]) => {
        totals.runs++;
        const run = await runScenario(subs, steps);
        for (const k of Object.keys(run) as (keyof typeof run)[]) totals[k] += run[k];
      }),
      { numRuns: 6, seed: 20261203, endOnFailure: true },
    );
    console.log("realtime differential:", JSON.stringify(totals));
    expect(totals.checks).toBeGreaterThan(100);
    expect(totals.evictions).toBeGreaterThan(0);
    expect({
      missed: totals.missed,
      stale: totals.stale,
      crossUser: totals.crossUser,
      duplicates: totals.duplicates,
      versionRegressions: totals.versionRegressions,
    }).toEqual({ missed: 0, stale: 0, crossUser: 0, duplicates: 0, versionRegressions: 0 });
  }, 240_000);
});

async function runScenario(subs: Sub[], steps: Step[]) {
  const counts = {
    steps: 0,
    checks: 0,
    pushes: 0,
    evictions: 0,
    missed: 0,
    stale: 0,
    crossUser: 0,
    duplicates: 0,
    versionRegressions: 0,
  };
  const tag = crypto.randomUUID().slice(0, 6);
  const projects: number[] = [];
  for (const [i, user] of users.entries()) {
    const reply = await mutate("projects/create", {
      name: `${tag}-p${i % 2}`,
      ownerId: user?.userId ?? null,
    });
    projects.push((reply.body as { id: number }[])[0]!.id);
  }
  const tasks: number[] = [];
  // Scope every tasks/find to this scenario's projects, so results stay small.
  const scoped = subs.map((s) =>
    s.queryName === "tasks/find"
      ? { ...s, args: { ...s.args, where: { and: [{ projectId: { in: projects } }, s.args.where] } } }
      : s,
  );
  const sockets = await Promise.all(users.map((u) => TestSocket.connect(u?.token)));
  for (const s of scoped)
    sockets[s.socket]!.send({ type: "subscribe", id: s.id, queryName: s.queryName, args: s.args });
  await Promise.all(sockets.map((s) => s.sync()));

  let previous = new Map<string, string>();
  const check = async () => {
    await Promise.all(sockets.map((s) => s.sync()));
    const fresh = new Map<string, string>();
    for (const s of scoped) {
      const user = users[s.socket];
      const reply = await request(
        "GET",
        `/queries/${s.queryName}?args=${encodeURIComponent(JSON.stringify(s.args))}`,
        {
          headers: user ? bearer(user.token) : {},
        },
      );
      expect(reply.status, `${s.queryName} ${JSON.stringify(s.args)}`).toBe(200);
      const now = JSON.stringify(reply.body);
      fresh.set(s.id, now);
      const held = lastData(sockets[s.socket]!.of(s.id));
      counts.checks++;
      if (held !== now) {
        if (held === previous.get(s.id)) counts.missed++;
        else counts.stale++;
        console.log("diverged", s.queryName, JSON.stringify(s.args), { held, now });
      }
    }
    previous = fresh;
  };
  await check();

  for (const step of steps) {
    counts.steps++;
    const project = projects[step.n % projects.length]!;
    const task = tasks.length > 0 ? tasks[step.n % tasks.length]! : undefined;
    const assignee = users[step.m % users.length]?.userId ?? null;
    switch (step.kind) {
      case "create": {
        const reply = await mutate("tasks/create", {
          title: `t${step.m % 3}-${step.n}`,
          projectId: project,
          done: step.flag,
          priority: step.m % 4,
          assigneeId: assignee,
        });
        tasks.push((reply.body as { id: number }[])[0]!.id);
        break;
      }
      case "update":
        if (task === undefined) break;
        await mutate("tasks/update", {
          where: step.flag ? { id: task } : { projectId: project, priority: { gte: step.m % 4 } },
          set: [
            { done: step.flag },
            { priority: step.m % 4 },
            { assigneeId: assignee },
            { projectId: project },
            { title: `t${step.m % 3}` },
          ][step.m % 5]!,
        });
        break;
      case "delete":
        if (task === undefined) break;
        await mutate("tasks/remove", { where: { id: task } });
        tasks.splice(tasks.indexOf(task), 1);
        break;
      case "project":
        await mutate("projects/update", {
          id: project,
          set: step.flag ? { name: `${tag}-p${step.m % 2}` } : { ownerId: assignee },
        });
        break;
      case "label":
        if (task === undefined) break;
        await mutate("tasks/label", { id: task, labelIds: [labels[step.m % labels.length]!] });
        break;
      case "evict":
        for (let i = 0; i < 2; i++) {
          const stub = env.APPFLARE_REALTIME.get(env.APPFLARE_REALTIME.idFromName(shardName(i)));
          try {
            await evictDurableObject(stub);
            counts.evictions++;
          } catch {
            // Not running (nothing to evict).
          }
        }
        break;
    }
    await check();
  }

  for (const [socketIndex, socket] of sockets.entries()) {
    const mine = new Set(scoped.filter((s) => s.socket === socketIndex).map((s) => s.id));
    const userId = users[socketIndex]?.userId;
    const versions = new Map<string, number>();
    const lastHash = new Map<string, string>();
    for (const message of socket.messages) {
      if (message.event !== "query:update" && message.event !== "query:current") continue;
      const payload = message.payload as { id: string; version: number; hash: string; data?: unknown };
      counts.pushes++;
      if (!mine.has(payload.id)) counts.crossUser++;
      const sub = scoped.find((s) => s.id === payload.id && s.socket === socketIndex);
      if (sub?.queryName === "tasks/mine" && Array.isArray(payload.data)) {
        for (const row of payload.data as { assigneeId: string | null }[])
          if (row.assigneeId !== userId) counts.crossUser++;
      }
      const before = versions.get(payload.id);
      if (before !== undefined && payload.version <= before) counts.versionRegressions++;
      versions.set(payload.id, payload.version);
      if (lastHash.get(payload.id) === payload.hash) counts.duplicates++;
      lastHash.set(payload.id, payload.hash);
    }
    socket.close();
  }
  return counts;
}

/** The data a client holds for a subscription: the last `query:update` it received. */
function lastData(messages: ServerMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.event === "query:update") return JSON.stringify(m.payload.data);
  }
  return undefined;
}
