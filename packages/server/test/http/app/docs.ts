import * as z from "zod";
import { mutation, query } from "./handlers";

const Task = z.object({ id: z.number().int(), title: z.string(), due: z.date().nullable() });

/** Flat scalar args: each becomes its own `?key=value` parameter in /openapi.json. */
export const flat = query({
  args: {
    projectId: z.string(),
    limit: z.number().int().max(100).default(20),
    status: z.enum(["open", "done"]).optional(),
    tags: z.array(z.string()).optional(),
    since: z.date().optional(),
  },
  returns: z.array(Task),
  description: "Lists a project's tasks.\n\nOpen tasks first; `limit` caps the page.",
  handler: (_ctx, args) => [{ id: args.limit, title: args.projectId, due: args.since ?? null }],
});

/** A nested argument: the args travel as one JSON `args` parameter. */
export const nested = query({
  args: { filter: z.object({ done: z.boolean() }), page: z.number().int().optional() },
  handler: (_ctx, args) => args,
});

/** Declares a result schema, then breaks it when asked: a 500 that names the handler in the log. */
export const liar = query({
  args: { lie: z.boolean() },
  returns: z.object({ ok: z.literal(true), count: z.number() }),
  handler: (_ctx, args) => (args.lie ? { ok: true, count: "three" } : { ok: true, count: 3 }),
});

/** A mutation with a declared result. */
export const rename = mutation({
  args: { id: z.number().int(), title: z.string().min(1) },
  returns: z.object({ id: z.number(), title: z.string() }),
  handler: (_ctx, args) => ({ id: args.id, title: args.title }),
});
