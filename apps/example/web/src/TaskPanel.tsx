import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useEffect, useState } from "react";
import { Attachments } from "./Attachments";
import { appflare } from "./appflare";
import { Checklist } from "./Checklist";
import { Comments } from "./Comments";
import { ErrorText } from "./ErrorText";
import { Subtasks } from "./Subtasks";
import { href } from "./useRoute";

interface Props {
  readonly projectId: string;
  readonly slug: string;
  readonly taskId: number;
}

const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

/**
 * The open task, live: title and priority (edited optimistically: the change shows at once and is put
 * back if the server refuses it), labels, checklist, subtasks, comments and attachments.
 */
export function TaskPanel({ projectId, slug, taskId }: Props) {
  const route = appflare.queries.tasks.get;
  const task = useQuery(route, { id: taskId }, { realtime: true });
  const labels = useQuery(appflare.queries.labels.list, { projectId }, { realtime: true });
  const update = useMutation(appflare.mutations.tasks.update, {
    optimistic: ({ id, title, priority }, cache) =>
      cache.update(route, { id }, (old) =>
        old ? { ...old, ...(title ? { title } : {}), ...(priority ? { priority } : {}) } : old,
      ),
  });
  const complete = useMutation(appflare.mutations.tasks.complete, {
    optimistic: ({ id }, cache) => cache.update(route, { id }, (old) => (old ? { ...old, done: true } : old)),
  });
  const attach = useMutation(appflare.mutations.labels.attach);
  const detach = useMutation(appflare.mutations.labels.detach);
  const [title, setTitle] = useState("");
  const current = task.data;
  // The field follows the live title until the user starts typing another one.
  useEffect(() => setTitle(current?.title ?? ""), [current?.title]);

  if (task.isPending) return <aside className="panel task-panel muted">Loading…</aside>;
  if (!current)
    return (
      <aside className="panel task-panel">
        <ErrorText error={task.error ?? new Error("Task not found")} />
        <a href={href({ slug })}>Close</a>
      </aside>
    );

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (title !== current.title) update.mutate({ id: taskId, title });
  };
  const has = new Set(current.labels.map((label) => label.id));

  return (
    <aside className="panel task-panel stack" aria-label="Task">
      <div className="row spread">
        <strong className={current.done ? "status done" : "status"} data-testid="task-status">
          {current.done ? "Done ✓" : "Open"}
        </strong>
        <a href={href({ slug })}>Close</a>
      </div>
      <form className="row" onSubmit={rename}>
        <input
          aria-label="Task title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
        />
        <button type="submit" disabled={update.isPending}>
          Save
        </button>
      </form>
      <div className="row">
        <select
          aria-label="Priority"
          value={current.priority}
          onChange={(e) =>
            update.mutate({ id: taskId, priority: e.target.value as (typeof PRIORITIES)[number] })
          }
        >
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        {!current.done && (
          <button type="button" onClick={() => complete.mutate({ id: taskId })}>
            Complete
          </button>
        )}
      </div>
      <ErrorText error={update.error ?? complete.error ?? attach.error ?? detach.error} />
      <ul className="chips" aria-label="Task labels">
        {labels.data?.map((label) => (
          <li key={label.id}>
            <button
              type="button"
              className={`chip${has.has(label.id) ? " on" : ""}`}
              style={{ borderColor: label.color }}
              aria-pressed={has.has(label.id)}
              onClick={() =>
                has.has(label.id)
                  ? detach.mutate({ taskId, labelId: label.id })
                  : attach.mutate({ taskId, labelIds: [label.id] })
              }
            >
              {label.name}
            </button>
          </li>
        ))}
      </ul>
      <Checklist taskId={taskId} items={current.checklist} />
      <Subtasks projectId={projectId} slug={slug} parentId={taskId} subtasks={current.subtasks} />
      <Attachments taskId={taskId} attachments={current.attachments} />
      <Comments projectId={projectId} taskId={taskId} comments={current.comments} />
    </aside>
  );
}
