import { storageManager } from "./handlers";

/** `public/*` for anyone, `users/<id>/*` for that signed-in user; nothing else. */
export const access = storageManager({
  handler: (ctx, { path }) =>
    path.startsWith("public/") || (ctx.user !== null && path.startsWith(`users/${ctx.user.id}/`)),
});
