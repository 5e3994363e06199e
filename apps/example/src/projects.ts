import * as z from "zod";
import { mutation, query } from "../_generated/handlers";

const status = z.enum(["active", "archived"]);

/**
 * `GET /queries/projects/list` — a page of projects, newest first, with their task counts.
 * Filters: `status`, a case-insensitive `search` on the name, and a `tag`.
 */
export const list = query({
  args: {
    status: status.optional(),
    search: z.string().max(40).optional(),
    tag: z.string().optional(),
    page: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(100).default(20),
  },
  handler: async (ctx, args) => {
    const where = {
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

/** `GET /queries/projects/get?slug=` — one project with its open tasks and their labels. */
export const get = query({
  args: { slug: z.string() },
  handler: async (ctx, args) => {
    const project = await ctx.db.projects.findFirst({
      where: { slug: args.slug },
      with: {
        tasks: {
          where: { done: false },
          orderBy: [{ column: "priority", direction: "desc" }, { column: "id" }],
          with: { labels: true },
        },
      },
    });
    if (!project) return ctx.error(404, "Project not found", { slug: args.slug });
    return project;
  },
});

/** `POST /mutations/projects/create` — the signed-in user owns the new project. */
export const create = mutation({
  args: {
    name: z.string().min(1).max(120),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    tags: z.array(z.string()).max(20).default([]),
    budget: z.number().min(0).optional(),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    const owner = ctx.user ?? ctx.error(401, "Sign in to create a project");
    const [project] = await ctx.db.projects.insert({ values: { ...args, ownerId: owner.id } });
    return project;
  },
});

/** `POST /mutations/projects/archive` — only the owner may archive; archiving twice is a 409. */
export const archive = mutation({
  args: { id: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    const owner = ctx.user ?? ctx.error(401, "Sign in to archive a project");
    const [project] = await ctx.db.projects.update({
      where: { id: args.id, ownerId: owner.id, status: "active" },
      set: { status: "archived" },
      expectRows: 1,
    });
    return project;
  },
});
