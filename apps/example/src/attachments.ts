import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { projectFilePrefix, requireTask, signedIn } from "./access";

/** Where a task's files live in storage: `projects/<projectId>/tasks/<taskId>/`. */
const taskFilePrefix = (task: { id: number; projectId: string }) =>
  `${projectFilePrefix(task.projectId)}tasks/${task.id}/`;

/** `GET /queries/attachments/list?taskId=` — a task's attachments (members only), newest first. */
export const list = query({
  args: { taskId: z.number().int() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.taskId);
    return ctx.db.attachments.findMany({
      where: { taskId: args.taskId },
      orderBy: { column: "uploadedAt", direction: "desc" },
    });
  },
});

/**
 * `GET /queries/attachments/uploadPath?taskId=&fileName=` — a fresh storage key for a file of this
 * task. The client uploads to it (`PUT /storage/object?path=`, allowed to members by
 * src/storage.ts), then records it with `attachments/add`.
 */
export const uploadPath = query({
  args: { taskId: z.number().int(), fileName: z.string().min(1).max(200) },
  authRequired: true,
  handler: async (ctx, args) => {
    const task = await requireTask(ctx, args.taskId);
    const safe = args.fileName.replace(/[^\w.-]+/g, "_");
    return { path: `${taskFilePrefix(task)}${crypto.randomUUID()}-${safe}` };
  },
});

/**
 * `POST /mutations/attachments/add` — records an uploaded file. The path must be under the task's
 * folder, and the size and content type are read from storage, not trusted from the client; a path
 * nothing was uploaded to is a 400.
 */
export const add = mutation({
  args: { taskId: z.number().int(), path: z.string().min(1).max(500) },
  authRequired: true,
  handler: async (ctx, args) => {
    const user = signedIn(ctx);
    const task = await requireTask(ctx, args.taskId);
    if (!args.path.startsWith(taskFilePrefix(task))) {
      return ctx.error(400, `path: must start with ${taskFilePrefix(task)} (see attachments/uploadPath)`);
    }
    const object = await ctx.storage.head({ path: args.path });
    if (!object) return ctx.error(400, "path: nothing was uploaded there; upload the file first");
    const [attachment] = await ctx.db.attachments.insert({
      values: {
        taskId: task.id,
        path: args.path,
        size: object.size,
        contentType: object.httpMetadata?.contentType ?? null,
        uploaderId: user.id,
      },
    });
    return attachment;
  },
});

/** `POST /mutations/attachments/remove` — deletes an attachment's row, then its file. */
export const remove = mutation({
  args: { id: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    const found = await ctx.db.attachments.findFirst({ where: { id: args.id } });
    if (!found) return ctx.error(404, "Attachment not found", { id: args.id });
    await requireTask(ctx, found.taskId);
    const rows = await ctx.db.attachments.delete({ where: { id: args.id }, expectRows: 1 });
    await ctx.storage.delete({ path: found.path });
    return { removed: rows.length };
  },
});
