import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";

interface Props {
  readonly projectId: string;
  readonly taskId: number;
  readonly comments: readonly {
    readonly id: string;
    readonly body: string;
    readonly authorId: string | null;
    readonly createdAt: string;
  }[];
}

/** A task's comments, oldest first, with their authors' names, and a form to add one. */
export function Comments({ projectId, taskId, comments }: Props) {
  const members = useQuery(appflare.queries.members.list, { projectId }, { realtime: true });
  const add = useMutation(appflare.mutations.comments.add, { onSuccess: () => setBody("") });
  const [body, setBody] = useState("");
  const names = new Map(members.data?.map((m) => [m.user.id, m.user.name]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ taskId, body });
  };

  return (
    <section>
      <h3>Comments</h3>
      <ul className="comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <strong>{(comment.authorId && names.get(comment.authorId)) ?? "Someone"}</strong>{" "}
            <span className="muted">{new Date(comment.createdAt).toLocaleString()}</span>
            <p>{comment.body}</p>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={submit}>
        <input
          aria-label="Comment"
          placeholder="Write a comment"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          maxLength={5000}
        />
        <button type="submit" disabled={add.isPending}>
          Comment
        </button>
      </form>
      <ErrorText error={add.error} />
    </section>
  );
}
