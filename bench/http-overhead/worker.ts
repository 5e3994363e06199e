// The http-overhead benchmark Worker. `/run?target=&op=&auth=&n=` sends `n` requests, one after the
// other, through one of four apps and answers the last response's status and body:
// - `appflare` / `appflare-noop`: createWorker over handler modules (the generated worker's path);
// - `hand` / `hand-noop`: the same endpoints written by hand with Hono + Drizzle + Zod + Better Auth.
// `noop` apps parse args and resolve the session but do not touch the tables (the per-stage breakdown).
// `op` is `list` (GET /queries/tasks/list) or `create` (POST /mutations/tasks/create); `auth=bearer`
// sends the session token `/setup` created. Requests are built and dispatched inside the Worker, so what
// Node times is the apps' work, not Miniflare's dispatch.
import { createTables } from "../support/createTables";
import { seedProjects } from "../support/seedProjects";
import { appflareApp } from "./appflareApp";
import { type BenchEnv, ORIGIN } from "./benchEnv";
import { handWritten } from "./handWritten";

type Fetcher = {
  fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Response | Promise<Response>;
};

const appflare = appflareApp(true);
const TARGETS: Record<string, Fetcher> = {
  appflare: appflare.worker,
  "appflare-noop": appflareApp(false).worker,
  hand: handWritten(true),
  "hand-noop": handWritten(false),
};

/** Project 0 is read (its open tasks never change); creates go to project 1. */
const READ_PROJECT = "00000000-0000-4000-8000-000000000000";
const WRITE_PROJECT = "00000000-0000-4000-8000-000000000001";
let token = "";

function requestFor(op: string, auth: string, i: number): Request {
  const headers = new Headers({ origin: ORIGIN });
  if (auth === "bearer") headers.set("authorization", `Bearer ${token}`);
  if (op === "list") {
    const args = encodeURIComponent(JSON.stringify({ projectId: READ_PROJECT, limit: 20 }));
    return new Request(`${ORIGIN}/queries/tasks/list?args=${args}`, { headers });
  }
  headers.set("content-type", "application/json");
  const body = JSON.stringify({ projectId: WRITE_PROJECT, title: `bench task ${i}` });
  return new Request(`${ORIGIN}/mutations/tasks/create`, { method: "POST", headers, body });
}

async function setup(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
  await createTables(env.DB, await request.json());
  await seedProjects(env.DB, { projects: 4, labelsPerTask: 1 });
  const signUp = await appflare.worker.fetch(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email: "http-bench@example.com", password: "bench-password-1", name: "Bench" }),
    }),
    env,
    ctx,
  );
  token = signUp.headers.get("set-auth-token") ?? "";
  if (!signUp.ok || token === "") {
    return Response.json({ error: `sign-up: ${signUp.status} ${await signUp.text()}` }, { status: 500 });
  }
  return Response.json({ ok: true });
}

export default {
  async fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") return setup(request, env, ctx);
    const target = TARGETS[url.searchParams.get("target") ?? ""];
    if (url.pathname !== "/run" || !target) return new Response("not found", { status: 404 });
    const op = url.searchParams.get("op") ?? "list";
    const auth = url.searchParams.get("auth") ?? "anonymous";
    const n = Number(url.searchParams.get("n") ?? 1);
    let last: Response | undefined;
    for (let i = 0; i < n; i++) {
      last = await target.fetch(requestFor(op, auth, i), env, ctx);
      if (i < n - 1) await last.arrayBuffer();
    }
    if (!last) return Response.json({ status: 0 });
    return Response.json({ status: last.status, body: await last.json() });
  },
};
