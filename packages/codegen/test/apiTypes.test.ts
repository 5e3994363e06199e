import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../src/errors/CliError";
import { typecheckProject } from "../src/typecheck/typecheckProject";
import { copyFixture } from "./support/copyFixture";
import { runCliProcess } from "./support/runCliProcess";

const helpers = `import type { Api } from "./_generated/api";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
`;

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
