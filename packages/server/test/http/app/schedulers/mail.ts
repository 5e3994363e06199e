import * as z from "zod";
import { scheduler } from "../handlers";

/** Records the payload in `labels`, so a test can see it ran. */
export const record = scheduler({
  args: { name: z.string().min(1) },
  handler: (ctx, args) => ctx.db.labels.insert({ values: { name: args.name } }),
});

export const explode = scheduler({
  handler: () => {
    throw new Error("scheduler failed");
  },
});
