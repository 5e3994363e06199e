// CPU time of this process's descendants (wrangler's Node and workerd processes): CPU time, unlike
// wall time, barely moves when other work shares the machine, so a before/after comparison of it
// holds on a loaded host.
import { descendantProcesses } from "./descendantProcesses";

/** Milliseconds of CPU (user + system) used so far, per command name, by every descendant of `root`. */
export function descendantsCpu(root: number = process.pid): Record<string, number> {
  const msPerTick = 1000 / 100; // USER_HZ is 100 on Linux.
  const byComm: Record<string, number> = {};
  for (const { comm, ticks } of descendantProcesses(root)) {
    byComm[comm] = (byComm[comm] ?? 0) + ticks * msPerTick;
  }
  return byComm;
}
