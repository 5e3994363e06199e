import { CliError } from "../errors/CliError";

/**
 * What `appflare init` scaffolds: `react` is the backend plus a Vite + React page wired to the
 * generated client (one live query, one mutation form); `backend` is the Worker alone.
 */
export type InitTemplate = "react" | "backend";

/** Every template, in the order the interactive prompt offers them (the first is the default). */
export const initTemplates: readonly InitTemplate[] = ["react", "backend"];

/**
 * Reads `--template <name>`. `api` is accepted as another name for `backend`.
 *
 * @example
 * parseTemplate("react"); // "react"
 * parseTemplate("api"); // "backend"
 */
export function parseTemplate(value: string): InitTemplate {
  const name = value.trim().toLowerCase();
  if (name === "api") return "backend";
  const found = initTemplates.find((t) => t === name);
  if (found) return found;
  throw new CliError(`--template ${value}: expected one of ${initTemplates.join(", ")}`);
}
