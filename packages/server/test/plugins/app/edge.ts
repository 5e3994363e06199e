import * as z from "zod";
import { mutation, query } from "./handlers";

/** Throws what it is told to: the non-Error values Hono does not hand to the error handler. */
export const throwValue = query({
  args: { kind: z.enum(["string", "object", "null", "undefined", "number"]) },
  handler: (_ctx, args) => {
    const values = {
      string: "plain text failure",
      object: { code: "custom" },
      null: null,
      undefined,
      number: 42,
    };
    throw values[args.kind];
  },
});

/** Writes a label, then throws a string: the write committed, the response is still the JSON 500. */
export const writeThenThrowString = mutation({
  args: { name: z.string() },
  handler: async (ctx, args) => {
    await ctx.db.labels.insert({ values: { name: args.name } });
    throw "failed after writing";
  },
});

/** bigint values at both sides of the safe-integer boundary. */
export const bigints = query({
  handler: () => ({
    small: 42n,
    negative: -7n,
    maxSafe: BigInt(Number.MAX_SAFE_INTEGER),
    unsafe: BigInt(Number.MAX_SAFE_INTEGER) + 2n,
    nested: [1n, { deep: -(2n ** 64n) }],
  }),
});
