// The processes below this one (wrangler's Node and its workerd processes), read from Linux /proc.
// Empty where /proc is missing.
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessStat {
  readonly pid: number;
  readonly comm: string;
  /** CPU clock ticks used so far (user + system). */
  readonly ticks: number;
}

/** Every live descendant of `root`, with its command name and CPU ticks. */
export function descendantProcesses(root: number = process.pid): ProcessStat[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
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
  return [...stats]
    .filter(([pid]) => isDescendant(pid))
    .map(([pid, { comm, ticks }]) => ({ pid, comm, ticks }));
}
