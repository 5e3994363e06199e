import type { TaskPayload } from "../../../src/scheduler/TaskPayload";
import type {
  chain as t_mail_chain,
  countdown as t_mail_countdown,
  fail as t_mail_fail,
  once as t_mail_once,
  record as t_mail_record,
} from "./mail";

/** What the generated `<outDir>/tasks.ts` declares for the scheduler test app. */
export interface Tasks {
  "mail/chain": TaskPayload<typeof t_mail_chain>;
  "mail/countdown": TaskPayload<typeof t_mail_countdown>;
  "mail/fail": TaskPayload<typeof t_mail_fail>;
  "mail/once": TaskPayload<typeof t_mail_once>;
  "mail/record": TaskPayload<typeof t_mail_record>;
}
