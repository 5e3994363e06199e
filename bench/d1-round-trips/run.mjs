#!/usr/bin/env node
// `pnpm bench d1-round-trips`: D1 calls per ctx.db operation (an instrumented executor counts every
// `all` and `batch`), each case run in one workerd process (Miniflare, local D1). Prints a table and
// writes bench/results/d1-round-trips.json; exits 1 when a count misses its target.
import { applyDdl } from "../support/applyDdl.mjs";
import { machine } from "../support/machine.mjs";
import { startWorkerd } from "../support/startWorkerd.mjs";
import { writeResult } from "../support/writeResult.mjs";

const worker = await startWorkerd("d1-round-trips", new URL("worker.ts", import.meta.url));

try {
  const { cases } = await applyDdl(worker);
  const rows = [];
  for (const c of cases) {
    // A failing case answers 500 with its error and the calls made so far: read the body either way.
    const res = await worker.fetch(`/run?case=${encodeURIComponent(c.name)}`);
    const body = await res.json();
    rows.push({
      operation: c.name,
      calls: body.calls,
      target: c.target,
      ok: body.calls === c.target && !body.error,
      error: body.error,
    });
  }
  console.log(
    "d1-round-trips: D1 calls per ctx.db operation (example app schema, Miniflare/workerd, local D1)",
  );
  console.table(
    Object.fromEntries(
      rows.map((r) => [
        r.operation,
        { "D1 calls": r.calls, target: r.target, ok: r.ok ? "yes" : `NO${r.error ? ` (${r.error})` : ""}` },
      ]),
    ),
  );
  const { node, cpus, platform } = machine();
  writeResult("d1-round-trips", {
    benchmark: "d1-round-trips",
    cases: rows,
    machine: { node, cpus, platform },
    date: new Date().toISOString(),
  });
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  await worker.dispose();
}
