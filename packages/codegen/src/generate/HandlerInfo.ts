import type { HandlerKind } from "@appflare/server";

/** What the CLI learns about one handler by loading its module (plain data from `collectHandlers`). */
export interface HandlerInfo {
  /** `blog/posts/list`. */
  readonly name: string;
  readonly kind: HandlerKind;
  /** Key of its module: path under scanDir without extension. */
  readonly modulePath: string;
  readonly exportName: string;
  /** Cron expressions of a `cron` handler (normalized); empty for other kinds. */
  readonly cronTrigger: readonly string[];
}
