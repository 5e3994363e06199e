import { AppflareError } from "./AppflareError";

/**
 * 405: a known query called with a method other than GET, or a mutation with one other than POST.
 * The response carries `Allow`. (An unknown name is 404 whatever the method.)
 */
export class MethodNotAllowedError extends AppflareError {
  /** The one method the route accepts. */
  readonly allow: "GET" | "POST";

  constructor(kind: "query" | "mutation", name: string, allow: "GET" | "POST") {
    super(405, { code: "method_not_allowed", message: `The ${kind} "${name}" must be called with ${allow}` });
    this.allow = allow;
  }
}
