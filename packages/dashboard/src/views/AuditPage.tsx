import type { AuditEntry } from "../audit/AuditEntry";
import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";

/** The audit log: newest first, each entry's before/after, and an undo button. */
export function AuditPage(props: {
  frame: PageFrame;
  entries: readonly AuditEntry[];
  table: string | undefined;
  next: number | undefined;
  error?: string;
}) {
  const { frame } = props;
  const filter = props.table ? `table=${encodeURIComponent(props.table)}&` : "";
  return (
    <Layout frame={frame}>
      <h1>Audit log{props.table ? ` · ${props.table}` : ""}</h1>
      <ErrorBox message={props.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Undo</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>{entry.id}</td>
              <td>{new Date(entry.at).toISOString()}</td>
              <td>{entry.actorEmail ?? entry.actorId}</td>
              <td>
                {entry.action}{" "}
                <a href={`${frame.base}/tables/${entry.table}?row=${encodeURIComponent(entry.rowKey)}`}>
                  {entry.table} {entry.rowKey}
                </a>
                {entry.undoOf !== null ? <span class="muted"> (undo of #{entry.undoOf})</span> : null}
              </td>
              <td>
                <pre>{entry.before ? JSON.stringify(entry.before, null, 1) : "—"}</pre>
              </td>
              <td>
                <pre>{entry.after ? JSON.stringify(entry.after, null, 1) : "—"}</pre>
              </td>
              <td>
                {entry.undoneBy !== null ? (
                  <span class="muted">undone by #{entry.undoneBy}</span>
                ) : frame.readOnly ? null : (
                  <form method="post" action={`${frame.base}/audit/${entry.id}/undo`}>
                    <CsrfField csrf={frame.csrf} />
                    <button type="submit" aria-label={`Undo entry ${entry.id}`}>
                      Undo
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.entries.length === 0 ? <p class="muted">No dashboard writes yet.</p> : null}
      {props.next !== undefined ? (
        <a href={`${frame.base}/audit?${filter}before=${props.next}`}>Older</a>
      ) : null}
    </Layout>
  );
}
