import type { AppflareContext } from "../_generated/handlers";

/** What the caller may do in a project: the owner and admins manage it, members work in it. */
export type ProjectRole = "owner" | "member" | "admin";

/**
 * The signed-in caller. Every example handler sets `authRequired: true`, so the runtime has already
 * answered 401 without a session; this only narrows the type.
 *
 * @example
 * const user = signedIn(ctx);
 */
export function signedIn(ctx: AppflareContext) {
  return ctx.user ?? ctx.error(401, "Sign in first");
}

/**
 * The caller's role in a project, or `null` when they have none. Admins (`role: "admin"`, see
 * `appflare add-admin`) act as the owner of every project, for support and moderation.
 *
 * @example
 * if ((await roleIn(ctx, projectId)) === null) return [];
 */
export async function roleIn(ctx: AppflareContext, projectId: string): Promise<ProjectRole | null> {
  const user = ctx.user;
  if (!user) return null;
  if (user.role === "admin") return "admin";
  const membership = await ctx.db.members.findFirst({
    where: { projectId, userId: user.id },
    columns: { role: true },
  });
  return membership?.role ?? null;
}

/**
 * The caller's role, or a 404: a project you are not a member of does not exist as far as you can tell
 * (a 403 would confirm its id).
 *
 * @example
 * await requireMember(ctx, args.projectId);
 */
export async function requireMember(ctx: AppflareContext, projectId: string): Promise<ProjectRole> {
  return (await roleIn(ctx, projectId)) ?? ctx.error(404, "Project not found", { projectId });
}

/**
 * Like {@link requireMember}, and a 403 for a plain member: managing members and archiving are the
 * owner's (or an admin's).
 *
 * @example
 * await requireOwner(ctx, args.projectId);
 */
export async function requireOwner(ctx: AppflareContext, projectId: string): Promise<ProjectRole> {
  const role = await requireMember(ctx, projectId);
  if (role === "member") ctx.error(403, "Only the project's owner may do this", { projectId });
  return role;
}

/**
 * The task (id and project) when the caller is a member of its project, else a 404 that says nothing
 * about whether the task exists.
 *
 * @example
 * const task = await requireTask(ctx, args.taskId);
 */
export async function requireTask(ctx: AppflareContext, taskId: number) {
  const task = await ctx.db.tasks.findFirst({
    where: { id: taskId },
    columns: { id: true, projectId: true },
  });
  if (task && (await roleIn(ctx, task.projectId)) !== null) return task;
  return ctx.error(404, "Task not found", { taskId });
}

/**
 * 400 unless every label id is a label of `projectId`, so a task never carries another project's label.
 *
 * @example
 * await requireProjectLabels(ctx, projectId, args.labelIds);
 */
export async function requireProjectLabels(
  ctx: AppflareContext,
  projectId: string,
  labelIds: readonly number[],
): Promise<void> {
  if (labelIds.length === 0) return;
  const ids = [...new Set(labelIds)];
  const found = await ctx.db.labels.count({ where: { id: { in: ids }, projectId } });
  if (found !== ids.length)
    ctx.error(400, "labelIds: every label must belong to the task's project", { labelIds });
}

/** Storage keys of a project's files: `projects/<projectId>/...`. */
export const projectFilePrefix = (projectId: string): string => `projects/${projectId}/`;
