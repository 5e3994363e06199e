import { AppflareError } from "./AppflareError";

/**
 * The docs/client.md error of a non-2xx answer: `code` and `message` from a JSON body when it has them,
 * else a message naming the route and status; the whole body is kept for the caller.
 *
 * @example
 * errorFromBody(409, { code: "unique_violation", table: "tasks", fields: ["title"] }, "POST /mutations/tasks/create");
 */
export function errorFromBody(status: number, body: unknown, route: string): AppflareError {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof fields.code === "string" ? fields.code : undefined;
  const message =
    typeof fields.message === "string"
      ? fields.message
      : typeof body === "string" && body !== ""
        ? body
        : `${route} answered ${status}${code ? ` ${code}` : ""}`;
  return new AppflareError({ status, ...(code ? { code } : {}), message, body, route });
}
