import { useInfiniteQuery, useMutation } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";
import { href } from "./useRoute";

const PAGE = 20;

interface Props {
  readonly projectId: string;
  readonly slug: string;
  readonly openTaskId?: number;
}

/**
 * The project's tasks in keyset pages of 20 (`tasks/list`), each loaded page live: a task another
 * member creates, edits or completes changes here without a reload.
 */
export function TaskList({ projectId, slug, openTaskId }: Props) {
  const tasks = useInfiniteQuery(
    appflare.queries.tasks.list,
    { projectId, limit: PAGE },
    {
      // Ids start at 1, so cursor 0 (ids > 0) is the first page. A number rather than `undefined`: the
      // realtime binder matches pushed pages to loaded ones by their param's JSON.
      initialPageParam: 0,
      pageParamToArgs: (cursor, args) => ({ ...args, cursor }),
      getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined),
      realtime: true,
    },
  );
  const create = useMutation(appflare.mutations.tasks.create, { onSuccess: () => setTitle("") });
  const complete = useMutation(appflare.mutations.tasks.complete);
  const [title, setTitle] = useState("");
  const rows = tasks.data?.pages.flatMap((page) => page.rows) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ projectId, title });
  };

  return (
    <section className="stack tasks">
      <form className="row" onSubmit={submit}>
        <input
          aria-label="New task title"
          placeholder="What needs doing?"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
        />
        <button type="submit" disabled={create.isPending}>
          Add task
        </button>
      </form>
      <ErrorText error={create.error ?? complete.error ?? tasks.error} />
      {tasks.isSuccess && rows.length === 0 && <p className="muted">No tasks yet.</p>}
      <ul className="task-list" aria-label="Tasks">
        {rows.map((task) => (
          <li
            key={task.id}
            className={`task${task.done ? " done" : ""}${task.id === openTaskId ? " open" : ""}`}
            data-testid={`task-${task.id}`}
          >
            <input
              type="checkbox"
              aria-label={`Complete ${task.title}`}
              checked={task.done}
              disabled={task.done}
              onChange={() => complete.mutate({ id: task.id })}
            />
            <a href={href({ slug, taskId: task.id })}>
              {task.parentId !== null && <span className="muted">↳ </span>}
              <span className="title">{task.title}</span>
            </a>
            <span className={`priority ${task.priority}`}>{task.priority}</span>
            {task.labels.map((label) => (
              <span key={label.id} className="chip" style={{ borderColor: label.color }}>
                {label.name}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {tasks.hasNextPage && (
        <button type="button" onClick={() => tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
          {tasks.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
