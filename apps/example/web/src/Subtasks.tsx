import { useMutation } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";
import { href } from "./useRoute";

interface Props {
  readonly projectId: string;
  readonly slug: string;
  readonly parentId: number;
  readonly subtasks: readonly { readonly id: number; readonly title: string; readonly done: boolean }[];
}

/** A task's subtasks (a task completes only once they are done) and a form for a new one. */
export function Subtasks({ projectId, slug, parentId, subtasks }: Props) {
  const create = useMutation(appflare.mutations.tasks.create, { onSuccess: () => setTitle("") });
  const [title, setTitle] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ projectId, parentId, title });
  };

  return (
    <section>
      <h3>Subtasks</h3>
      <ul>
        {subtasks.map((sub) => (
          <li key={sub.id} className={sub.done ? "done" : ""}>
            <a href={href({ slug, taskId: sub.id })}>{sub.title}</a>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={submit}>
        <input
          aria-label="Subtask title"
          placeholder="Add a subtask"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
        />
        <button type="submit" disabled={create.isPending}>
          Add
        </button>
      </form>
      <ErrorText error={create.error} />
    </section>
  );
}
