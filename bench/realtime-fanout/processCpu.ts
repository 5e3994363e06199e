// CPU time of this process's descendants (wrangler's Node and workerd processes), from Linux /proc:
// CPU time, unlike wall time, barely moves when other work shares the machine, so a before/after
// comparison of it holds on a loaded host. Empty where /proc is missing.
import { readdirSync, readFileSync } from "node:fs";

/** Milliseconds of CPU (user + system) used so far, per command name, by every descendant of `root`. */
export function descendantsCpu(root: number = process.pid): Record<string, number> {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return {};
  }
  const stats = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const pid of entries) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (comm) state ppid … utime stime …": comm may hold spaces, so split after its ")".
      const close = text.lastIndexOf(")");
      const comm = text.slice(text.indexOf("(") + 1, close);
      const fields = text.slice(close + 2).split(" ");
      stats.set(Number(pid), {
        ppid: Number(fields[1]),
        comm,
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // Exited while listing.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid, hops = 0; p !== undefined && hops < 32; hops++) {
      if (p === root) return true;
      p = stats.get(p)?.ppid;
    }
    return false;
  };
  const msPerTick = 1000 / 100; // USER_HZ is 100 on Linux.
  const byComm: Record<string, number> = {};
  for (const [pid, stat] of stats) {
    if (isDescendant(pid)) byComm[stat.comm] = (byComm[stat.comm] ?? 0) + stat.ticks * msPerTick;
  }
  return byComm;
}
