import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";
import { href } from "./useRoute";

/** "lorem Ipsum 2" → "lorem-ipsum-2": a slug the server's `^[a-z0-9-]+$` accepts. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The caller's projects (live: a project someone adds you to appears) and a form to start one. */
export function ProjectsScreen() {
  const projects = useQuery(appflare.queries.projects.list, {}, { realtime: true });
  const create = useMutation(appflare.mutations.projects.create, {
    onSuccess: (project) => {
      if (project) window.location.hash = href({ slug: project.slug });
    },
  });
  const [name, setName] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A random tail keeps slugs (unique across the app) free for everyone's "Launch".
    create.mutate({ name, slug: `${slugOf(name) || "project"}-${crypto.randomUUID().slice(0, 6)}` });
  };

  return (
    <section className="stack">
      <h1>Your projects</h1>
      <form className="row" onSubmit={submit}>
        <input
          aria-label="New project name"
          placeholder="New project name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={120}
        />
        <button type="submit" disabled={create.isPending}>
          Create project
        </button>
      </form>
      <ErrorText error={create.error} />
      <ErrorText error={projects.error} />
      {projects.data?.rows.length === 0 && <p className="muted">No projects yet: create one above.</p>}
      <ul className="cards" aria-label="Projects">
        {projects.data?.rows.map((project) => (
          <li key={project.id} className="card">
            <a href={href({ slug: project.slug })}>{project.name}</a>
            <span className="muted">{project.status}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
