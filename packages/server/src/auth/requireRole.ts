import { UnauthorizedError } from "../errors/AppflareError";

/** What {@link requireRole}'s middleware reads from `ctx`. */
export interface RoleCheckContext {
  readonly user: { readonly role?: string | null } | null;
  error(status: number, message: string, details?: unknown): never;
}

/**
 * Middleware that lets only users holding one of `roles` through: 401 `unauthorized` when nobody is
 * signed in, 403 `{ message, details: { required } }` otherwise. Better Auth's admin plugin may store
 * several roles comma-separated (`"admin,editor"`); any of them counts.
 *
 * @example
 * export const purge = mutation({ middleware: requireRole("admin"), handler: (ctx) => ... });
 */
export function requireRole(...roles: [string, ...string[]]): (ctx: RoleCheckContext) => void {
  const wanted = new Set(roles);
  return (ctx) => {
    const user = ctx.user;
    if (!user) throw new UnauthorizedError();
    const held = (user.role ?? "").split(",").map((role) => role.trim());
    if (!held.some((role) => wanted.has(role))) {
      ctx.error(403, `Requires the ${roles.map((r) => `"${r}"`).join(" or ")} role`, { required: roles });
    }
  };
}
