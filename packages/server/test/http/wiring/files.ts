import * as z from "zod";
import { mutation, storageManager } from "./handlers";

/** Anyone reads `public/`; a signed-in user does anything under `users/<id>/`. */
export const rules = storageManager({
  handler: (ctx, { path, method }) => {
    if (path.startsWith("public/")) return method === "get" || method === "list";
    return ctx.user !== null && path.startsWith(`users/${ctx.user.id}/`);
  },
});

/** Writes through `ctx.storage` (checked by the managers with this call's ctx) and reads it back. */
export const writeNote = mutation({
  args: { path: z.string(), text: z.string() },
  handler: async (ctx, args) => {
    const info = await ctx.storage.put({ path: args.path, body: args.text, contentType: "text/plain" });
    const object = await ctx.storage.get({ path: args.path });
    return { path: info.path, size: info.size, text: await object?.text() };
  },
});
