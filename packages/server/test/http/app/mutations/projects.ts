import * as z from "zod";
import { mutation } from "../handlers";

const projectArgs = {
  name: z.string().max(120),
  slug: z.string(),
  ownerId: z.string(),
  budget: z.number().optional(),
};

export const create = mutation({
  args: projectArgs,
  handler: (ctx, args) => ctx.db.projects.insert({ values: args }),
});

/** Writes, then fails: the write committed (D1 has no interactive transactions), so its event is real. */
export const createThenFail = mutation({
  args: projectArgs,
  handler: async (ctx, args) => {
    await ctx.db.projects.insert({ values: args });
    ctx.error(422, "Failed after writing");
  },
});

export const rename = mutation({
  args: { slug: z.string(), name: z.string(), expectRows: z.number().int().optional() },
  handler: (ctx, args) =>
    ctx.db.projects.update({
      where: { slug: args.slug },
      set: { name: args.name },
      expectRows: args.expectRows,
    }),
});

export const addLabel = mutation({
  args: { name: z.string().nullable() },
  handler: (ctx, args) => ctx.db.labels.insert({ values: { name: args.name as string } }),
});

/** Echoes its parsed body: exercises JSON bodies and limits without writing. */
export const echo = mutation({
  args: { text: z.string().optional() },
  handler: (_ctx, args) => ({ length: args.text?.length ?? 0 }),
});
