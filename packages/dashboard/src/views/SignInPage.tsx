import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";

/** Email/password sign-in form; `next` is where to go after signing in. */
export function SignInPage(props: { frame: PageFrame; next: string; error?: string; email?: string }) {
  const { frame } = props;
  return (
    <Layout frame={frame}>
      <h1>Sign in</h1>
      <ErrorBox message={props.error} />
      <form method="post" action={`${frame.base}/sign-in`}>
        <CsrfField csrf={frame.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email ?? ""}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
