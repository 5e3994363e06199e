import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { SESSION_KEY } from "./useSession";

/** Sign in, or sign up (name, email, password) with Better Auth's email and password. */
export function AuthScreen() {
  const [mode, setMode] = useState<"signIn" | "signUp">("signIn");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setBusy(true);
    setError(null);
    const { error } =
      mode === "signUp"
        ? await appflare.auth.signUp.email({ email, password, name: String(form.get("name")) })
        : await appflare.auth.signIn.email({ email, password });
    setBusy(false);
    if (error) return setError(error.message ?? "Could not sign in");
    // Another user's data must not outlive their session (the session query itself is refetched).
    queryClient.removeQueries({ queryKey: ["appflare"] });
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };

  return (
    <form className="card auth" onSubmit={submit}>
      <h1>{mode === "signUp" ? "Create an account" : "Sign in"}</h1>
      {mode === "signUp" && (
        <label>
          Name
          <input name="name" required autoComplete="name" />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" required autoComplete="email" />
      </label>
      <label>
        Password
        <input name="password" type="password" required minLength={8} autoComplete="current-password" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === "signUp" ? "Sign up" : "Sign in"}
      </button>
      <button type="button" className="link" onClick={() => setMode(mode === "signUp" ? "signIn" : "signUp")}>
        {mode === "signUp" ? "I have an account" : "Create an account"}
      </button>
    </form>
  );
}
