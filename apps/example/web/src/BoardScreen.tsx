import { useQuery } from "@appflare/react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";
import { LabelsPanel } from "./LabelsPanel";
import { MembersPanel } from "./MembersPanel";
import { TaskList } from "./TaskList";
import { TaskPanel } from "./TaskPanel";
import { href } from "./useRoute";

/**
 * One project's board: members and labels, the live task list, and the open task. A non-member gets
 * the server's 404 and sees nothing of the project, not even its name.
 */
export function BoardScreen({ slug, taskId }: { readonly slug: string; readonly taskId?: number }) {
  const project = useQuery(appflare.queries.projects.get, { slug }, { realtime: true });
  if (project.isPending) return <p className="muted">Loading…</p>;
  if (project.error?.status === 404 || (project.isSuccess && !project.data))
    return (
      <section className="stack" data-testid="not-found">
        <h1>Project not found</h1>
        <p className="muted">It does not exist, or you are not one of its members.</p>
        <a href={href({})}>Back to your projects</a>
      </section>
    );
  if (project.error || !project.data) return <ErrorText error={project.error} />;
  const { id: projectId, name } = project.data;

  return (
    <div className="board">
      <aside className="stack">
        <a href={href({})}>← Projects</a>
        <h1>{name}</h1>
        <MembersPanel projectId={projectId} />
        <LabelsPanel projectId={projectId} />
      </aside>
      <TaskList projectId={projectId} slug={slug} openTaskId={taskId} />
      {taskId !== undefined && <TaskPanel projectId={projectId} slug={slug} taskId={taskId} />}
    </div>
  );
}
