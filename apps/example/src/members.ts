import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { requireMember, requireOwner } from "./access";

/** `GET /queries/members/list?projectId=` — who is in a project (members only), owner first. */
export const list = query({
  args: { projectId: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireMember(ctx, args.projectId);
    return ctx.db.members.findMany({
      where: { projectId: args.projectId },
      orderBy: [{ column: "role", direction: "desc" }, { column: "addedAt" }],
      with: { user: { columns: { id: true, name: true, email: true, image: true } } },
    });
  },
});

/**
 * `POST /mutations/members/add` — the owner (or an admin) adds a user by email. An unknown email is a
 * 404; adding someone twice is a 409 `unique_violation`.
 */
export const add = mutation({
  args: { projectId: z.string(), email: z.email() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.projectId);
    const user = await ctx.db.users.findFirst({ where: { email: args.email.toLowerCase() } });
    if (!user)
      return ctx.error(404, "No user with this email: they need to sign up first", { email: args.email });
    const [member] = await ctx.db.members.insert({ values: { projectId: args.projectId, userId: user.id } });
    return member;
  },
});

/**
 * `POST /mutations/members/remove` — the owner (or an admin) removes a member. The owner cannot be
 * removed, and removing a non-member is a 409 (`expectRows`).
 */
export const remove = mutation({
  args: { projectId: z.string(), userId: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.projectId);
    const rows = await ctx.db.members.delete({
      where: { projectId: args.projectId, userId: args.userId, role: "member" },
      expectRows: 1,
    });
    return { removed: rows.length };
  },
});
