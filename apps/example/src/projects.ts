import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { requireMember, requireOwner, signedIn } from "./access";

const status = z.enum(["active", "archived"]);

/**
 * `GET /queries/projects/list` — a page of the caller's projects (owned or joined), newest first, with
 * their task counts. Filters: `status`, a case-insensitive `search` on the name, and a `tag`.
 */
export const list = query({
  args: {
    status: status.optional(),
    search: z.string().max(40).optional(),
    tag: z.string().optional(),
    page: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(100).default(20),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    const user = signedIn(ctx);
    const where = {
      members: { userId: user.id },
      ...(args.status ? { status: args.status } : {}),
      ...(args.search ? { name: { contains: args.search, mode: "insensitive" as const } } : {}),
      ...(args.tag ? { tags: { includes: [args.tag] } } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.db.projects.findMany({
        where,
        orderBy: { column: "createdAt", direction: "desc" },
        limit: args.pageSize,
        offset: args.page * args.pageSize,
        with: { tasks: { _count: true } },
      }),
      ctx.db.projects.count({ where }),
    ]);
    return { rows, total, page: args.page, pageSize: args.pageSize };
  },
});

/** `GET /queries/projects/get?slug=` — one project (members only) with its open tasks and their labels. */
export const get = query({
  args: { slug: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    const found = await ctx.db.projects.findFirst({ where: { slug: args.slug }, columns: { id: true } });
    if (!found) return ctx.error(404, "Project not found", { slug: args.slug });
    await requireMember(ctx, found.id);
    return ctx.db.projects.findFirst({
      where: { id: found.id },
      with: {
        tasks: {
          where: { done: false },
          orderBy: [{ column: "priority", direction: "desc" }, { column: "id" }],
          with: { labels: true },
        },
      },
    });
  },
});

/**
 * `POST /mutations/projects/create` — the caller owns the new project: the project and the caller's
 * "owner" membership are written in one batch, so a project never exists without its owner.
 */
export const create = mutation({
  args: {
    name: z.string().min(1).max(120),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    tags: z.array(z.string()).max(20).default([]),
    budget: z.number().min(0).optional(),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    const owner = signedIn(ctx);
    const id = crypto.randomUUID();
    const [[project]] = await ctx.db.batch((tx) => [
      tx.projects.insert({ values: { ...args, id, ownerId: owner.id } }),
      tx.members.insert({ values: { projectId: id, userId: owner.id, role: "owner" } }),
    ]);
    return project;
  },
});

/** `POST /mutations/projects/archive` — the owner (or an admin) archives; archiving twice is a 409. */
export const archive = mutation({
  args: { id: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.id);
    const [project] = await ctx.db.projects.update({
      where: { id: args.id, status: "active" },
      set: { status: "archived" },
      expectRows: 1,
    });
    return project;
  },
});
