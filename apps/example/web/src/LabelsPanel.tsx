import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";

/** The project's labels with how many tasks carry each, and a form for a new one. */
export function LabelsPanel({ projectId }: { readonly projectId: string }) {
  const labels = useQuery(appflare.queries.labels.list, { projectId }, { realtime: true });
  const create = useMutation(appflare.mutations.labels.create, { onSuccess: () => setName("") });
  const [name, setName] = useState("");
  const [color, setColor] = useState("#3b82f6");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ projectId, name, color });
  };

  return (
    <section className="panel">
      <h2>Labels</h2>
      <ul className="chips" aria-label="Labels">
        {labels.data?.map((label) => (
          <li key={label.id} className="chip" style={{ borderColor: label.color }}>
            {label.name}
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={submit}>
        <input
          aria-label="Label name"
          placeholder="New label"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={40}
        />
        <input
          type="color"
          aria-label="Label color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
        />
        <button type="submit" disabled={create.isPending}>
          Add
        </button>
      </form>
      <ErrorText error={create.error} />
    </section>
  );
}
