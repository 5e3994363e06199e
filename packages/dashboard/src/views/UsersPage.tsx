import type { AuthUserRow } from "../http/authApi";
import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";

/** Users: search, create, and per user role / ban / unban / revoke sessions / delete. */
export function UsersPage(props: {
  frame: PageFrame;
  users: readonly AuthUserRow[];
  total: number;
  q: string;
  error?: string;
}) {
  const { frame } = props;
  const action = (id: string, what: string) => `${frame.base}/users/${encodeURIComponent(id)}/${what}`;
  return (
    <Layout frame={frame}>
      <h1>
        Users <span class="muted">({props.total})</span>
      </h1>
      <ErrorBox message={props.error} />
      <form method="get" action={`${frame.base}/users`} class="row" aria-label="Search users">
        <label>
          Email, name or id <input name="q" type="search" value={props.q} />
        </label>
        <button type="submit">Search</button>
      </form>
      {frame.readOnly ? null : (
        <form method="post" action={`${frame.base}/users`} class="panel row" aria-label="Create user">
          <CsrfField csrf={frame.csrf} />
          <label>
            Name <input name="name" required />
          </label>
          <label>
            Email <input name="email" type="email" required />
          </label>
          <label>
            Password <input name="password" type="password" required autocomplete="new-password" />
          </label>
          <label>
            Role <input name="role" value="user" />
          </label>
          <button type="submit">Create user</button>
        </form>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr>
              <td>
                {user.name} &lt;{user.email}&gt;
                <br />
                <span class="muted">{user.id}</span>
              </td>
              <td>
                <form method="post" action={action(user.id, "role")} class="row">
                  <CsrfField csrf={frame.csrf} />
                  <label>
                    <span class="muted">Role of {user.email}</span>{" "}
                    <input name="role" value={user.role ?? ""} />
                  </label>
                  {frame.readOnly ? null : <button type="submit">Set role</button>}
                </form>
              </td>
              <td>
                {user.banned
                  ? `Banned${user.banReason ? `: ${user.banReason}` : ""}${user.banExpires ? ` until ${new Date(user.banExpires).toISOString()}` : ""}`
                  : "Active"}
              </td>
              <td>{frame.readOnly ? null : <UserActions user={user} frame={frame} action={action} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

function UserActions(props: {
  user: AuthUserRow;
  frame: PageFrame;
  action: (id: string, what: string) => string;
}) {
  const { user, frame, action } = props;
  return (
    <div>
      {user.banned ? (
        <form method="post" action={action(user.id, "unban")}>
          <CsrfField csrf={frame.csrf} />
          <button type="submit">Unban {user.email}</button>
        </form>
      ) : (
        <form method="post" action={action(user.id, "ban")} class="row">
          <CsrfField csrf={frame.csrf} />
          <label>
            Reason <input name="reason" />
          </label>
          <label>
            Days (empty = forever) <input name="days" inputmode="numeric" size={4} />
          </label>
          <button type="submit">Ban {user.email}</button>
        </form>
      )}
      <form method="post" action={action(user.id, "revoke")}>
        <CsrfField csrf={frame.csrf} />
        <button type="submit">Revoke sessions of {user.email}</button>
      </form>
      <form method="post" action={action(user.id, "delete")} data-confirm={`Delete ${user.email}?`}>
        <CsrfField csrf={frame.csrf} />
        <button type="submit">Delete {user.email}</button>
      </form>
    </div>
  );
}
