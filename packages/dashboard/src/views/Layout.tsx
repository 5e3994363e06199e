import type { Child } from "hono/jsx";

/** What every page's frame needs to know. */
export interface PageFrame {
  readonly base: string;
  readonly title: string;
  readonly csrf: string;
  readonly readOnly: boolean;
  /** Email of the signed-in admin; absent on the sign-in page. */
  readonly who?: string;
}

/** The page frame: navigation, read-only banner, sign-out, and the one script and stylesheet. */
export function Layout(props: { frame: PageFrame; children?: Child }) {
  const { base, title, csrf, readOnly, who } = props.frame;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrf} />
        <title>{`${title} · Appflare`}</title>
        <link rel="stylesheet" href={`${base}/assets/dashboard.css`} />
        <script src={`${base}/assets/dashboard.js`} defer />
      </head>
      <body>
        {readOnly ? <div class="banner">Read-only mode: changes are refused.</div> : null}
        <header>
          <strong>Appflare</strong>
          {who ? (
            <nav aria-label="Dashboard">
              <a href={`${base}`}>Tables</a>
              <a href={`${base}/audit`}>Audit log</a>
              <a href={`${base}/users`}>Users</a>
              <a href={`${base}/storage`}>Storage</a>
              <a href={`${base}/functions`}>Functions</a>
            </nav>
          ) : (
            <nav aria-label="Dashboard" />
          )}
          {who ? (
            <form method="post" action={`${base}/sign-out`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <span class="muted">{who} </span>
              <button type="submit">Sign out</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** A hidden CSRF field for a form. */
export function CsrfField(props: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={props.csrf} />;
}

/** An error box, announced to screen readers. */
export function ErrorBox(props: { message: string | undefined }) {
  return props.message ? (
    <p class="error" role="alert">
      {props.message}
    </p>
  ) : null;
}
