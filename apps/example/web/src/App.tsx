import { useQueryClient } from "@tanstack/react-query";
import { AuthScreen } from "./AuthScreen";
import { appflare } from "./appflare";
import { BoardScreen } from "./BoardScreen";
import { ProjectsScreen } from "./ProjectsScreen";
import { href, useRoute } from "./useRoute";
import { SESSION_KEY, useSession } from "./useSession";

/** Signed out: the sign-in form. Signed in: the projects, or one project's board. */
export function App() {
  const session = useSession();
  const route = useRoute();
  const queryClient = useQueryClient();
  if (session.isPending) return <p className="muted center">Loading…</p>;
  const user = session.data;
  if (!user) return <AuthScreen />;

  const signOut = async () => {
    await appflare.auth.signOut();
    // The next user must not see a byte of this one's data.
    queryClient.removeQueries({ queryKey: ["appflare"] });
    queryClient.setQueryData(SESSION_KEY, null);
    window.location.hash = "#/";
  };

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={href({})}>
          Appflare board
        </a>
        <span className="muted" data-testid="whoami">
          {user.name} · {user.email}
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>{route.slug ? <BoardScreen slug={route.slug} taskId={route.taskId} /> : <ProjectsScreen />}</main>
    </div>
  );
}
