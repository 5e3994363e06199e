import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type schema from "../../test/boardSchema";
import type { MutationEvent } from "../db/MutationEvent";
import { defineHandlers } from "./defineHandlers";
import type { SessionRecord, SessionUser } from "./HandlerContext";

interface Env {
  DB: D1Database;
  SECRET: string;
}

describe("defineHandlers context types", () => {
  const { query, mutation, scheduler, cron, storageManager } = defineHandlers<typeof schema, Env>();

  it("gives queries and mutations the full request context", () => {
    query({
      args: { id: z.string() },
      handler: async (ctx, args) => {
        expectTypeOf(args).toEqualTypeOf<{ id: string }>();
        expectTypeOf(ctx.env).toEqualTypeOf<Env>();
        expectTypeOf(ctx.user).toEqualTypeOf<SessionUser | null>();
        expectTypeOf(ctx.session).toEqualTypeOf<SessionRecord | null>();
        expectTypeOf(ctx.request).toEqualTypeOf<Request>();
        expectTypeOf(ctx.mutationEvents).toEqualTypeOf<readonly MutationEvent[]>();
        expectTypeOf(ctx.error).returns.toEqualTypeOf<never>();
        const tasks = await ctx.db.tasks.findMany({ where: { projectId: args.id } });
        expectTypeOf(tasks[0]!.title).toEqualTypeOf<string>();
        // @ts-expect-error no such table
        ctx.db.nope;
        return tasks;
      },
    });
    mutation({
      middleware: (ctx, args, request) => {
        expectTypeOf(args).toEqualTypeOf<Record<string, never>>();
        expectTypeOf(request).toEqualTypeOf<Request>();
        expectTypeOf(ctx.db.projects.insert).toBeFunction();
      },
      handler: () => null,
    });
  });

  it("gives scheduler and cron handlers no request and a null user", () => {
    scheduler({
      args: { to: z.email() },
      handler: (ctx, args) => {
        expectTypeOf(args.to).toEqualTypeOf<string>();
        expectTypeOf(ctx.user).toEqualTypeOf<null>();
        expectTypeOf(ctx).not.toHaveProperty("request");
      },
    });
    cron({
      cronTrigger: ["0 3 * * *"],
      handler: (ctx) => {
        expectTypeOf(ctx.session).toEqualTypeOf<null>();
        expectTypeOf(ctx.env.SECRET).toEqualTypeOf<string>();
      },
    });
    storageManager({
      handler: (ctx, access) => {
        expectTypeOf(access.method).toEqualTypeOf<"put" | "get" | "delete" | "list">();
        return ctx.user !== null;
      },
    });
  });

  it("lets an extension add fields and refine user/session", () => {
    interface AuthUser extends SessionUser {
      email: string;
    }
    const ext = defineHandlers<
      typeof schema,
      Env,
      { user: AuthUser | null; storage: { put(path: string): void } }
    >();
    ext.query({
      handler: (ctx) => {
        expectTypeOf(ctx.user).toEqualTypeOf<AuthUser | null>();
        expectTypeOf(ctx.storage.put).parameter(0).toEqualTypeOf<string>();
        expectTypeOf(ctx.db).not.toBeAny();
      },
    });
    ext.cron({
      cronTrigger: "0 * * * *",
      handler: (ctx) => {
        expectTypeOf(ctx.user).toEqualTypeOf<null>();
        expectTypeOf(ctx.storage.put).toBeFunction();
      },
    });
  });

  it("rejects a handler returning the wrong args shape use", () => {
    query({
      args: { n: z.number() },
      // @ts-expect-error args.n is a number
      handler: (_ctx, args) => args.n.toUpperCase(),
    });
  });
});
