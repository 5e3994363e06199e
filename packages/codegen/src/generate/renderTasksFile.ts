import { banner } from "./banner";
import { formatBracedList } from "./formatList";
import type { HandlerInfo } from "./HandlerInfo";
import { propertyKey, uniqueIdentifiers } from "./identifiers";
import { importSpecifier } from "./importSpecifier";
import type { HandlerModuleRef } from "./renderApiFile";

/**
 * `<outDir>/tasks.ts`: the app's `Tasks` (scheduler task name → payload input) that `handlers.ts`
 * types `ctx.scheduler.enqueue` with. It imports only the scheduler exports, by name, and declares an
 * interface with one `TaskPayload<typeof task>` per task — TypeScript resolves a property only when an
 * `enqueue` call names it, so handlers do not depend on each other's types (no TS7022 cycle). With no
 * task the interface is empty, and any `enqueue` is a type error. Written after handler discovery.
 *
 * @example
 * renderTasksFile("/app/_generated", handlers, [{ key: "mail", file: "/app/src/mail.ts" }]);
 * // import type { sendDigest as t_mail_sendDigest } from "../src/mail";
 * // export interface Tasks { "mail/sendDigest": TaskPayload<typeof t_mail_sendDigest>; }
 */
export function renderTasksFile(
  outDir: string,
  handlers: readonly HandlerInfo[],
  modules: readonly HandlerModuleRef[],
): string {
  const files = new Map(modules.map((m) => [m.key, m.file]));
  const tasks = handlers
    .filter((h) => h.kind === "scheduler")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals = uniqueIdentifiers(
    tasks.map((t) => t.name),
    "t_",
  );
  const byModule = new Map<string, string[]>();
  tasks.forEach((task, i) => {
    // An import specifier may name any export: `default` bare, other non-identifiers as strings.
    const imported = /^[A-Za-z_$][\w$]*$/.test(task.exportName)
      ? task.exportName
      : JSON.stringify(task.exportName);
    const list = byModule.get(task.modulePath) ?? [];
    list.push(`${imported} as ${locals[i]}`);
    byModule.set(task.modulePath, list);
  });
  const imports = [...byModule.keys()].sort().map((key) => {
    const file = files.get(key);
    if (file === undefined) throw new Error(`No module file for scheduler tasks in "${key}"`);
    return formatBracedList(
      "import type { ",
      byModule.get(key) ?? [],
      ` } from "${importSpecifier(outDir, file)}";`,
    );
  });
  const entries = tasks.map((t, i) => `  ${propertyKey(t.name)}: TaskPayload<typeof ${locals[i]}>;`);
  return [
    banner("the scheduler handlers under scanDir"),
    ...(tasks.length > 0 ? ['import type { TaskPayload } from "@appflare/server";', ...imports, ""] : []),
    ...(entries.length === 0
      ? [
          "/** Scheduler task name → payload input. The app has no task, so any `ctx.scheduler.enqueue` is an error. */",
          "export interface Tasks {}",
        ]
      : [
          "/** Scheduler task name → payload input: what `ctx.scheduler.enqueue` accepts (see `handlers.ts`). */",
          `export interface Tasks {\n${entries.join("\n")}\n}`,
        ]),
    "",
  ].join("\n");
}
