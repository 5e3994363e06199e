import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../src/errors/CliError";
import { typecheckProject } from "../src/typecheck/typecheckProject";
import { copyFixture } from "./support/copyFixture";
import { runCliProcess } from "./support/runCliProcess";

const equal = `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
`;
const helpers = `import type { Api } from "./_generated/api";
${equal}`;

/** Type-checks the app and returns the errors it reports as `file:line TSxxxx` (none: `[]`). */
function typeErrors(dir: string): string[] {
  try {
    typecheckProject(dir);
    return [];
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return [...error.message.matchAll(/^ {2}(\S+):(\d+):\d+ error (TS\d+)/gm)].map(
      ([, file, line, code]) => `${file}:${line} ${code}`,
    );
  }
}

/**
 * `enqueueCheck.ts`: `header`, then each case's line in a mutation handler; `expected` lists the
 * error each case must give, as `typeErrors` reports it (its line and TypeScript code).
 */
function enqueueCases(header: string, cases: readonly { line: string; code: string }[]) {
  const top = `${header}\nexport const check = mutation({\n  handler: async (ctx) => {\n`;
  const first = top.split("\n").length;
  const body = cases.map((c) => `    ${c.line}`).join("\n");
  return {
    source: `${top}${body}\n  },\n});\n`,
    expected: cases.map((c, i) => `enqueueCheck.ts:${first + i} ${c.code}`),
  };
}

/**
 * A handler's args and result reach `Api` with nothing but `appflare build`: no hand-written types,
 * no generated type declarations — `api.ts` only imports the modules and applies `ApiFromModules`.
 */
describe("Api type after appflare build", () => {
  let dir = "";
  beforeAll(() => {
    dir = copyFixture("basic");
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.stderr).toBe("");
  });

  it("carries args (Zod input) and results (JSON form) of queries and mutations, by handler name", () => {
    writeFileSync(
      join(dir, "apiCheck.ts"),
      `${helpers}
export type ListInput = Expect<Equal<Api["queries"]["tasks"]["list"]["input"], { projectId: string; limit?: number | undefined }>>;
export type FinishInput = Expect<Equal<Api["mutations"]["tasks"]["finish"]["input"], { id: number }>>;
export type FinishOutput = Expect<Equal<Api["mutations"]["tasks"]["finish"]["output"], { updated: number }>>;
export type FeedOutput = Expect<Equal<Api["queries"]["blog"]["feed"]["output"], string[]>>;
export type Upload = Expect<Equal<Api["mutations"]["uploads"]["upload"]["output"], { path: string; by: string | null }>>;
export type StatsName = Expect<Equal<Api["queries"]["stats"]["count"]["name"], "stats/count">>;
export type Recent = Expect<Equal<Api["queries"]["blog"]["recent"]["output"], { rows: string[]; nextCursor: null }>>;
// @ts-expect-error a scheduler is not a client route
export type NoScheduler = Api["mutations"]["jobs"]["cleanup"];
// @ts-expect-error unknown route
export type Unknown = Api["queries"]["tasks"]["nope"];
`,
    );
    expect(typecheckProject(dir)).toMatchObject({ checkedFiles: expect.any(Number) });
  });

  it("fails the type check when an expectation is wrong (the check above can fail)", () => {
    writeFileSync(
      join(dir, "apiCheck.ts"),
      `${helpers}
export type Wrong = Expect<Equal<Api["mutations"]["tasks"]["finish"]["output"], { updated: string }>>;
`,
    );
    let error: unknown;
    try {
      typecheckProject(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/apiCheck\.ts:5:\d+ error TS2344/);
  });
});

/**
 * `ctx.scheduler.enqueue` is typed by task name through `<outDir>/tasks.ts`: every scheduler export
 * (and nothing else) with its args input, with no cycle between handlers — the fixture's
 * `jobs/retry` enqueues itself and `jobs/ping`/`jobs/pong` each other, unannotated.
 */
describe("ctx.scheduler.enqueue types after appflare build", () => {
  const header = `import type { EnqueuedMessage } from "@appflare/server";
import { mutation } from "./_generated/handlers";
import type { Tasks } from "./_generated/tasks";
${equal}`;
  let dir = "";
  beforeAll(() => {
    dir = copyFixture("basic");
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.stderr).toBe("");
  });

  it("accepts each task's payload; a task without args may omit it; a mutation may return the result", () => {
    writeFileSync(
      join(dir, "enqueueCheck.ts"),
      `${header}
export type Names = Expect<Equal<keyof Tasks, "jobs/cleanup" | "jobs/ping" | "jobs/pong" | "jobs/retry">>;
export type Cleanup = Expect<Equal<Tasks["jobs/cleanup"], { olderThanDays: number }>>;
export type Retry = Expect<Equal<Tasks["jobs/retry"], { attempt: number }>>;

// Returned unannotated: \`Tasks\` reads the scheduler exports only, never this mutation.
export const schedule = mutation({
  handler: (ctx) => ctx.scheduler.enqueue("jobs/cleanup", { olderThanDays: 7 }, { delaySeconds: 60 }),
});
export type Scheduled = Expect<Equal<ReturnType<typeof schedule.handler>, Promise<EnqueuedMessage>>>;

export const noPayload = mutation({
  handler: async (ctx) => {
    await ctx.scheduler.enqueue("jobs/ping");
    await ctx.scheduler.enqueue("jobs/pong", {});
  },
});
`,
    );
    expect(typeErrors(dir)).toEqual([]);
  });

  it("rejects an unknown task, a non-task handler, a wrong or missing payload and unknown options", () => {
    const { source, expected } = enqueueCases(header, [
      { line: 'await ctx.scheduler.enqueue("jobs/nope", {});', code: "TS2345" },
      { line: 'await ctx.scheduler.enqueue("tasks/finish", { id: 1 });', code: "TS2345" },
      { line: 'await ctx.scheduler.enqueue("jobs/cleanup", { olderThanDays: "7" });', code: "TS2322" },
      { line: 'await ctx.scheduler.enqueue("jobs/cleanup");', code: "TS2554" },
      { line: 'await ctx.scheduler.enqueue("jobs/retry", {});', code: "TS2345" },
      { line: 'await ctx.scheduler.enqueue("jobs/ping", {}, { delay: 5 });', code: "TS2353" },
    ]);
    writeFileSync(join(dir, "enqueueCheck.ts"), source);
    expect(typeErrors(dir)).toEqual(expected);
  });
});

describe("ctx.scheduler.enqueue types in an app without scheduler tasks", () => {
  it("declares no task, so any enqueue is an error (handlers that do not enqueue compile)", () => {
    const dir = copyFixture("minimal");
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.stderr).toBe("");
    const { source, expected } = enqueueCases(
      `import { mutation } from "./gen/handlers";
import type { Tasks } from "./gen/tasks";
${equal}
export type NoTasks = Expect<Equal<keyof Tasks, never>>;
`,
      [
        { line: 'await ctx.scheduler.enqueue("notes/add", { text: "x" });', code: "TS2345" },
        { line: 'await ctx.scheduler.enqueue("notes/add");', code: "TS2345" },
      ],
    );
    writeFileSync(join(dir, "enqueueCheck.ts"), source);
    expect(typeErrors(dir)).toEqual(expected);
  });
});

/**
 * The fixture's `auth.options.user.additionalFields` (`plan`, enum `signupSource`) are `users` columns
 * at run time; `handlers.ts` types `ctx.db` with `AppSchemaOf<typeof schema, typeof config>`, so reads
 * and filters know them, and `ctx.user` keeps them even with an enum field.
 */
describe("additional user fields in handler types after appflare build", () => {
  let dir = "";
  beforeAll(() => {
    dir = copyFixture("basic");
    const run = runCliProcess(["build", "--no-typecheck"], dir);
    expect(run.stderr).toBe("");
  });

  it("ctx.db.users filters on and returns them; ctx.user has them; a wrong enum value is an error", () => {
    writeFileSync(
      join(dir, "usersCheck.ts"),
      `import { query } from "./_generated/handlers";
export const check = query({
  handler: async (ctx) => {
    const rows = await ctx.db.users.findMany({ where: { plan: "pro", signupSource: { in: ["web", "mobile"] } } });
    const plans: string[] = rows.map((row) => row.plan);
    const sources: ("web" | "mobile" | null)[] = rows.map((row) => row.signupSource);
    // @ts-expect-error not one of the enum's values
    await ctx.db.users.findMany({ where: { signupSource: "desktop" } });
    const plan: string | undefined = ctx.user?.plan;
    const source: "web" | "mobile" | null | undefined = ctx.user?.signupSource;
    return { plans, sources, plan, source };
  },
});
`,
    );
    expect(typeErrors(dir)).toEqual([]);
  });
});
