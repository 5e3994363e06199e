import type { TsRow } from "../codec";
import type { MutationEvent } from "../MutationEvent";

type Kind = MutationEvent["kind"];

/**
 * Collects the mutation events of one write call: one event per (table, kind), in the order tables
 * were first touched, so a nested insert of a project with tasks yields `projects` then `tasks`.
 * Every event carries the call's `args`.
 */
export class EventLog {
  private readonly events = new Map<string, { kind: Kind; table: string; before: TsRow[]; after: TsRow[] }>();

  constructor(private readonly args: unknown) {}

  add(kind: Kind, table: string, before: readonly TsRow[], after: readonly TsRow[]): void {
    const key = `${kind}\u0000${table}`;
    let event = this.events.get(key);
    if (event === undefined) {
      event = { kind, table, before: [], after: [] };
      this.events.set(key, event);
    }
    // A loop, not push(...rows): a DELETE can return more rows than a call may take arguments.
    for (const row of before) event.before.push(row);
    for (const row of after) event.after.push(row);
  }

  /** The events, skipping those that touched no row. */
  list(): MutationEvent[] {
    const out: MutationEvent[] = [];
    for (const e of this.events.values()) {
      if (e.before.length > 0 || e.after.length > 0) out.push({ ...e, args: this.args });
    }
    return out;
  }
}
