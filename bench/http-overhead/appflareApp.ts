// The same two endpoints as handWritten.ts, as an Appflare app: handler modules handed to createWorker,
// exactly what the generated `<outDir>/worker.ts` does.
import { createWorker, defineHandlers } from "@appflare/server";
import * as z from "zod";
import schema from "../../packages/server/test/boardSchema";
import { type BenchEnv, ORIGIN, passwordHasher, SECRET } from "./benchEnv";

const { query, mutation } = defineHandlers<typeof schema, BenchEnv>();

const listArgs = { projectId: z.string(), limit: z.number().int().max(100).default(20) };
const createArgs = { projectId: z.string(), title: z.string().min(1).max(200) };

const tasks = {
  list: query({
    args: listArgs,
    handler: (ctx, args) =>
      ctx.db.tasks.findMany({
        where: { projectId: args.projectId, done: false },
        orderBy: { column: "id" },
        limit: args.limit,
      }),
  }),
  create: mutation({
    args: createArgs,
    handler: async (ctx, args) => {
      const [row] = await ctx.db.tasks.insert({ values: { projectId: args.projectId, title: args.title } });
      return row;
    },
  }),
};

// The framework alone: same args and session handling, no table access.
const noop = {
  list: query({ args: listArgs, handler: (ctx) => ({ user: ctx.user?.id ?? null, rows: [] }) }),
  create: mutation({ args: createArgs, handler: (ctx) => ({ user: ctx.user?.id ?? null }) }),
};

/** The Appflare Worker over the board schema; `withDb: false` serves the `noop` handlers instead. */
export function appflareApp(withDb: boolean) {
  return createWorker<BenchEnv>({
    schema,
    config: {
      name: "http-overhead",
      cors: [ORIGIN],
      auth: {
        options: {
          baseURL: ORIGIN,
          secret: SECRET,
          emailAndPassword: { enabled: true, password: passwordHasher },
        },
      },
    },
    modules: { tasks: withDb ? tasks : noop },
  });
}
