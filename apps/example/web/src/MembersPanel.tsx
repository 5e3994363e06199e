import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";

/** Who is in the project (live), and the owner's form to add a signed-up user by email. */
export function MembersPanel({ projectId }: { readonly projectId: string }) {
  const members = useQuery(appflare.queries.members.list, { projectId }, { realtime: true });
  const add = useMutation(appflare.mutations.members.add, { onSuccess: () => setEmail("") });
  const [email, setEmail] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ projectId, email });
  };

  return (
    <section className="panel">
      <h2>Members</h2>
      <ul aria-label="Members">
        {members.data?.map((m) => (
          <li key={m.id}>
            {m.user.name} <span className="muted">{m.role === "owner" ? "owner" : m.user.email}</span>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={submit}>
        <input
          type="email"
          aria-label="Member email"
          placeholder="teammate@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
      </form>
      <ErrorText error={add.error} />
    </section>
  );
}
