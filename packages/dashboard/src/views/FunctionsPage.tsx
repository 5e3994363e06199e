import { CsrfField, Layout, type PageFrame } from "./Layout";

/** A query or mutation as the Functions area lists it. */
export interface FunctionInfo {
  readonly kind: "query" | "mutation";
  readonly name: string;
  readonly authRequired: boolean;
  readonly argsSchema: Record<string, unknown>;
}

/** The outcome of a run, shown above the list. */
export interface RunOutcome {
  readonly name: string;
  readonly kind: "query" | "mutation";
  readonly as: string;
  readonly ms: number;
  readonly status: number;
  readonly result: unknown;
}

/** Every query and mutation with its args schema, and a form to run one as anonymous or as a user. */
export function FunctionsPage(props: {
  frame: PageFrame;
  functions: readonly FunctionInfo[];
  outcome?: RunOutcome;
  selected?: string;
  args?: string;
  userId?: string;
}) {
  const { frame } = props;
  return (
    <Layout frame={frame}>
      <h1>Functions</h1>
      {props.outcome ? (
        <section class="panel" aria-label="Result" aria-live="polite">
          <h2>
            {props.outcome.kind} {props.outcome.name} as {props.outcome.as}
          </h2>
          <p>
            {props.outcome.status === 200 ? "OK" : `Error ${props.outcome.status}`} in {props.outcome.ms} ms
          </p>
          <pre class={props.outcome.status === 200 ? "" : "error"}>
            {JSON.stringify(props.outcome.result, null, 2)}
          </pre>
        </section>
      ) : null}
      <form method="post" action={`${frame.base}/functions/run`} class="panel" aria-label="Run a function">
        <CsrfField csrf={frame.csrf} />
        <div class="field">
          <label for="fn">Function</label>
          <select id="fn" name="fn">
            {props.functions.map((f) => {
              const value = `${f.kind}:${f.name}`;
              return (
                <option value={value} selected={value === props.selected}>
                  {f.kind} {f.name}
                  {f.authRequired ? " (auth required)" : ""}
                </option>
              );
            })}
          </select>
        </div>
        <div class="field">
          <label for="args">Args (JSON)</label>
          <textarea id="args" name="args">
            {props.args ?? "{}"}
          </textarea>
        </div>
        <div class="field">
          <label for="as">Run as user id (empty = anonymous)</label>
          <input
            id="as"
            name="as"
            value={props.userId ?? ""}
            list="as-options"
            data-picker={`${frame.base}/users/options`}
            autocomplete="off"
          />
          <datalist id="as-options" />
        </div>
        <button type="submit">Run</button>
      </form>
      {props.functions.map((f) => (
        <details class="panel">
          <summary>
            {f.kind} <strong>{f.name}</strong>
            {f.authRequired ? " · auth required" : ""}
          </summary>
          <pre>{JSON.stringify(f.argsSchema, null, 2)}</pre>
        </details>
      ))}
    </Layout>
  );
}
