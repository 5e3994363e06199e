#!/usr/bin/env node
// `pnpm bench http-load`: the example app under `wrangler dev` (local D1/R2), held under 50 and then 200
// concurrent clients for BENCH_SECONDS each (default 60), mixing anonymous queries (401: the auth path),
// authed queries, mutations, storage puts and gets. Reports req/s and p50/p95/p99 per operation; fails
// on any 5xx or transport error, and when the counts do not reconcile: every 200 `tasks/create` is a row
// (`tasks/list` paged to the end), every 200 storage PUT is an object (`/storage/list`). Loopback only;
// every loop is bounded by time. Writes bench/results/http-load.json.
import { machine } from "../support/machine.mjs";
import { writeResult } from "../support/writeResult.mjs";
import { startExample } from "./startExample.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LEVELS = (process.env.BENCH_CLIENTS ?? "50,200").split(",").map(Number);
const USERS = Number(process.env.BENCH_USERS ?? 10);
const ORIGIN = "http://localhost:5173";
const WEIGHTS = [
  ["anonymous query", 20],
  ["authed query", 30],
  ["mutation", 25],
  ["storage put", 15],
  ["storage get", 10],
];

const server = await startExample(Number(process.env.BENCH_PORT ?? 8791));
const { url } = server;

// `wrangler dev` puts a proxy Worker in front of the app. When its pooled keep-alive connection to the
// app's workerd is reset (workerd logs "Connection reset by peer"), it re-sends GET/HEAD itself but answers
// any other method with this synthetic 503 and `Retry-After: 0`; its check for "the worker restarted"
// compares a URL with a path to one without, so it never tells a reset from a reload (WRANGLER_LOG=debug
// shows workerd's "Connection reset by peer" at the same moments). The app never saw
// such a request (the reconciliation below proves no write was lost or doubled), so the client does what
// the header asks: it re-sends, and the retries are counted and reported, never hidden.
const PROXY_RESET = "Your worker restarted mid-request.";
let proxyRetries = 0;
async function send(path, init) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    const synthetic =
      res.status === 503 && res.headers.get("retry-after") === "0" && text.startsWith(PROXY_RESET);
    if (!synthetic || attempt === 3) return { res, text };
    proxyRetries++;
  }
}

async function json(path, { token, body, method } = {}) {
  const headers = { origin: ORIGIN };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const { res, text } = await send(path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: text === "" ? null : JSON.parse(text) };
}
const q = (name, args) => `/queries/${name}?args=${encodeURIComponent(JSON.stringify(args))}`;

/** One signed-up user with a project of their own; counts what the load wrote for them. */
async function makeUser(i) {
  const email = `load-${i}-${Date.now()}@example.com`;
  const signUp = await json("/api/auth/sign-up/email", {
    body: { email, password: "load-password-123", name: `Load ${i}` },
  });
  const token = signUp.headers.get("set-auth-token");
  if (signUp.status !== 200 || !token)
    throw new Error(`sign-up ${i}: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const project = await json("/mutations/projects/create", {
    token,
    body: { name: `Load ${i}`, slug: `load-${i}-${Date.now()}` },
  });
  if (project.status !== 200)
    throw new Error(`project ${i}: ${project.status} ${JSON.stringify(project.body)}`);
  const seedKey = `projects/${project.body.id}/load/seed.txt`;
  const seed = await put(token, seedKey);
  if (seed.status !== 200) throw new Error(`seed object ${i}: ${seed.status}`);
  return { token, projectId: project.body.id, seedKey, created: 0, stored: 1 };
}

function put(token, key) {
  return send(`/storage/object?path=${encodeURIComponent(key)}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/plain", origin: ORIGIN },
    body: `load ${key}`,
  }).then(({ res, text }) => ({ status: res.status, body: text }));
}

function pick(random) {
  let r = random * WEIGHTS.reduce((n, [, w]) => n + w, 0);
  for (const [op, w] of WEIGHTS) {
    r -= w;
    if (r < 0) return op;
  }
  return WEIGHTS[0][0];
}

async function operation(op, user, n) {
  switch (op) {
    case "anonymous query":
      return { status: (await json(q("projects/list", {}))).status, expected: 401 };
    case "authed query":
      return {
        status: (await json(q("tasks/list", { projectId: user.projectId, limit: 20 }), { token: user.token }))
          .status,
        expected: 200,
      };
    case "mutation": {
      const res = await json("/mutations/tasks/create", {
        token: user.token,
        body: { projectId: user.projectId, title: `load ${n}` },
      });
      if (res.status === 200) user.created++;
      return { status: res.status, expected: 200 };
    }
    case "storage put": {
      const res = await put(user.token, `projects/${user.projectId}/load/${crypto.randomUUID()}.txt`);
      if (res.status === 200) user.stored++;
      return { status: res.status, expected: 200 };
    }
    default: {
      const res = await fetch(`${url}/storage/object?path=${encodeURIComponent(user.seedKey)}`, {
        headers: { authorization: `Bearer ${user.token}`, origin: ORIGIN },
      });
      await res.arrayBuffer();
      return { status: res.status, expected: 200 };
    }
  }
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function level(clients, users) {
  const samples = Object.fromEntries(WEIGHTS.map(([op]) => [op, { ms: [], statuses: {} }]));
  const failures = [];
  const retriesBefore = proxyRetries;
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  const client = async (c) => {
    while (Date.now() < end) {
      const op = pick(Math.random());
      const user = users[(c + n) % users.length];
      const start = performance.now();
      let status = 0;
      let expected = 0;
      try {
        ({ status, expected } = await operation(op, user, n++));
      } catch (error) {
        failures.push(`${op}: ${error.message}`);
      }
      const s = samples[op];
      s.ms.push(performance.now() - start);
      s.statuses[status] = (s.statuses[status] ?? 0) + 1;
      if (status !== expected && failures.length < 50)
        failures.push(`${op}: ${status} (expected ${expected})`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  const rows = {};
  let total = 0;
  const all = [];
  for (const [op, s] of Object.entries(samples)) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    total += sorted.length;
    all.push(...sorted);
    rows[op] = {
      requests: sorted.length,
      "p50 ms": Math.round(percentile(sorted, 50)),
      "p95 ms": Math.round(percentile(sorted, 95)),
      "p99 ms": Math.round(percentile(sorted, 99)),
      statuses: JSON.stringify(s.statuses),
    };
  }
  all.sort((a, b) => a - b);
  rows.all = {
    requests: total,
    "p50 ms": Math.round(percentile(all, 50)),
    "p95 ms": Math.round(percentile(all, 95)),
    "p99 ms": Math.round(percentile(all, 99)),
    statuses: "",
  };
  const fiveXx = Object.values(samples).reduce(
    (n, s) =>
      n +
      Object.entries(s.statuses)
        .filter(([code]) => Number(code) >= 500 || Number(code) === 0)
        .reduce((k, [, c]) => k + c, 0),
    0,
  );
  return {
    clients,
    seconds,
    reqPerSecond: Math.round(total / seconds),
    rows,
    fiveXx,
    failures,
    proxyRetries: proxyRetries - retriesBefore,
  };
}

/** Every 200 create is a row, every 200 put an object: count them back through the API. */
async function reconcile(users) {
  const problems = [];
  for (const [i, user] of users.entries()) {
    let rows = 0;
    let cursor;
    for (let page = 0; page < 10_000; page++) {
      const res = await json(
        q("tasks/list", {
          projectId: user.projectId,
          limit: 100,
          ...(cursor === undefined ? {} : { cursor }),
        }),
        { token: user.token },
      );
      if (res.status !== 200) throw new Error(`reconcile tasks/list: ${res.status}`);
      rows += res.body.rows.length;
      if (!res.body.hasMore) break;
      cursor = res.body.nextCursor;
    }
    let objects = 0;
    let listCursor;
    for (let page = 0; page < 10_000; page++) {
      const params = new URLSearchParams({ prefix: `projects/${user.projectId}/load/`, limit: "1000" });
      if (listCursor) params.set("cursor", listCursor);
      const res = await json(`/storage/list?${params}`, { token: user.token });
      if (res.status !== 200)
        throw new Error(`reconcile storage list: ${res.status} ${JSON.stringify(res.body)}`);
      objects += res.body.objects.length;
      if (!res.body.truncated) break;
      listCursor = res.body.cursor;
    }
    if (rows !== user.created)
      problems.push(`user ${i}: ${user.created} creates answered 200, ${rows} task rows`);
    if (objects !== user.stored)
      problems.push(`user ${i}: ${user.stored} puts answered 200, ${objects} objects`);
  }
  return problems;
}

try {
  const users = [];
  for (let i = 0; i < USERS; i++) users.push(await makeUser(i));
  const levels = [];
  for (const clients of LEVELS) {
    const result = await level(clients, users);
    levels.push(result);
    console.log(
      `\n${clients} concurrent clients × ${SECONDS} s: ${result.reqPerSecond} req/s, ${result.fiveXx} 5xx/transport errors, ${result.proxyRetries} writes re-sent after a dev-proxy reset`,
    );
    console.table(result.rows);
    if (result.failures.length > 0) {
      console.log(`unexpected: ${result.failures.slice(0, 10).join("; ")}`);
      const notes = server
        .output()
        .split("\n")
        .filter((line) => line.trim() !== "" && !/^\[wrangler[^\]]*:info\]/.test(line));
      console.log(
        `wrangler dev said (last 40 lines, request logs left out):\n${notes.slice(-40).join("\n")}`,
      );
    }
  }
  const problems = await reconcile(users);
  const created = users.reduce((n, u) => n + u.created, 0);
  const stored = users.reduce((n, u) => n + u.stored, 0);
  console.log(
    `\nreconciled: ${created} tasks created = rows, ${stored} objects stored = listed${problems.length ? ` — MISMATCH: ${problems.join("; ")}` : ""}`,
  );
  writeResult("http-load", {
    benchmark: "http-load",
    seconds: SECONDS,
    users: USERS,
    weights: Object.fromEntries(WEIGHTS),
    levels,
    reconciled: { created, stored, problems },
    machine: machine(),
    date: new Date().toISOString(),
  });
  if (problems.length > 0 || levels.some((l) => l.fiveXx > 0 || l.failures.length > 0)) process.exitCode = 1;
} finally {
  await server.stop();
}
