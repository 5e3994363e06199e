// The d1-round-trips benchmark Worker: runs one named case against ctx.db over a counting D1 executor
// and answers how many round trips it made.
import { countingExecutor, d1Executor } from "../../packages/server/src/db/D1Executor";
import { createTables } from "../support/createTables";
import { exampleDb } from "../support/exampleDb";
import { seedProjects } from "../support/seedProjects";
import { cases } from "./cases";

interface Env {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await createTables(env.DB, await request.json());
      await seedProjects(env.DB, { projects: 20, labelsPerTask: 1 });
      return Response.json({ cases: cases.map((c) => ({ name: c.name, target: c.target })) });
    }
    const found = cases.find((c) => c.name === url.searchParams.get("case"));
    if (found === undefined) return new Response("unknown case", { status: 404 });
    const executor = countingExecutor(d1Executor(env.DB));
    try {
      await found.run(exampleDb(executor));
      return Response.json({ calls: executor.calls });
    } catch (error) {
      return Response.json({ calls: executor.calls, error: String(error) }, { status: 500 });
    }
  },
};
