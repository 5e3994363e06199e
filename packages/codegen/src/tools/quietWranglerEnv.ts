/**
 * The environment wrangler runs with under appflare: it never stops to ask ("report this error to
 * Cloudflare?", "send metrics?") — a question nobody can answer would hang `appflare dev` — and it
 * makes no calls home (the metrics and error reports fail offline with a `getaddrinfo ENOTFOUND`
 * stack). A value the user set explicitly wins.
 *
 * @example
 * spawn(process.execPath, [wranglerBin, "dev"], { env: quietWranglerEnv(process.env) });
 */
export function quietWranglerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    ...env,
  };
}
