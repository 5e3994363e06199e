import { describe, expect, it } from "vitest";
import type { HandlerInfo } from "./HandlerInfo";
import { renderTasksFile } from "./renderTasksFile";

const handler = (name: string, kind: HandlerInfo["kind"], modulePath: string, exportName: string) =>
  ({ name, kind, modulePath, exportName, cronTrigger: [] }) satisfies HandlerInfo;

const modules = [
  { key: "mail", file: "/app/src/mail.ts" },
  { key: "blog/index", file: "/app/src/blog/index.ts" },
  { key: "blog_index", file: "/app/src/blog_index.ts" },
];

describe("renderTasksFile", () => {
  it("with no scheduler task, declares an empty Tasks and imports nothing", () => {
    const out = renderTasksFile("/app/_generated", [handler("mail/list", "query", "mail", "list")], modules);
    expect(out).not.toContain("import");
    expect(out).toContain("export interface Tasks {}\n");
  });

  it("imports only scheduler exports, by name, one import per module, tasks sorted by name", () => {
    const out = renderTasksFile(
      "/app/_generated",
      [
        handler("mail/send", "scheduler", "mail", "send"),
        handler("mail/list", "query", "mail", "list"),
        handler("mail/digest", "scheduler", "mail", "digest"),
        handler("mail/nightly", "cron", "mail", "nightly"),
      ],
      modules,
    );
    expect(out).toContain('import type { digest as t_mail_digest, send as t_mail_send } from "../src/mail";');
    expect(out).toContain(
      [
        "export interface Tasks {",
        '  "mail/digest": TaskPayload<typeof t_mail_digest>;',
        '  "mail/send": TaskPayload<typeof t_mail_send>;',
        "}",
      ].join("\n"),
    );
    expect(out).not.toMatch(/list|nightly/);
  });

  it("handles default and non-identifier export names and clashing local names", () => {
    const out = renderTasksFile(
      "/app/_generated",
      [
        handler("blog", "scheduler", "blog/index", "default"),
        handler("blog/index/a-b", "scheduler", "blog/index", "a-b"),
        handler("blog_index/a_b", "scheduler", "blog_index", "a_b"),
      ],
      modules,
    );
    expect(out).toContain(
      'import type { default as t_blog, "a-b" as t_blog_index_a_b } from "../src/blog/index";',
    );
    expect(out).toContain('import type { a_b as t_blog_index_a_b_2 } from "../src/blog_index";');
    expect(out).toContain("  blog: TaskPayload<typeof t_blog>;");
  });
});
