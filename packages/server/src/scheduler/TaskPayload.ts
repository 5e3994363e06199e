import type { ArgsDef, ArgsInput } from "../handlers/args";

/**
 * The payload `ctx.scheduler.enqueue` takes for a scheduler definition: its args' input type
 * (`never` for anything that is not a scheduler definition). The generated `<outDir>/tasks.ts`
 * declares the app's `Tasks` with it, one property per task, each read from that task's export alone:
 *
 * ```ts
 * import type { sendDigest as t_mail_sendDigest } from "../src/mail";
 * export interface Tasks {
 *   "mail/sendDigest": TaskPayload<typeof t_mail_sendDigest>;
 * }
 * ```
 *
 * An interface resolves each property only when `enqueue` names it, so a handler's type never depends
 * on the whole module graph (unlike a type computed from `typeof modules`, which TypeScript reports
 * as a cycle).
 *
 * @example
 * type Payload = TaskPayload<typeof sendDigest>; // { userId: string }
 */
export type TaskPayload<Definition> = Definition extends {
  readonly kind: "scheduler";
  readonly args: infer A extends ArgsDef;
}
  ? ArgsInput<A>
  : never;
