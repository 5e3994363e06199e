import { defineHandlers } from "@appflare/server";
import * as z from "zod";
import type schema from "./schema";

const { query, mutation } = defineHandlers<typeof schema>();

/** A query anyone may call. */
export const countPosts = query({ args: {}, handler: async (ctx) => ctx.db.posts.count() });

/** A mutation that needs a user and reports who ran it. */
export const whoami = mutation({
  args: { note: z.string() },
  authRequired: true,
  handler: async (ctx, args) => ({ userId: ctx.user?.id ?? null, note: args.note }),
});

/** The modules as the generated `api.ts` lists them. */
export const modules = { "posts.ts": { countPosts, whoami } };
