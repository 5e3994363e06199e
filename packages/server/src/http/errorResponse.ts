import { WhereError } from "@appflare/schema";
import { AppflareError, InvalidQueryError } from "../errors/AppflareError";
import { MethodNotAllowedError } from "../errors/MethodNotAllowedError";
import { REQUEST_ID_HEADER } from "./requestId";

/**
 * The response for an error thrown while serving a request (docs/handlers.md). An `AppflareError`
 * becomes its own status and body. Anything else is a 500 `{ code: "internal", message: "Internal
 * error", requestId }` that reveals nothing (no stack, SQL or D1 message); the real error is logged
 * with the request id so the two can be matched.
 */
export function errorResponse(error: unknown, requestId: string, route: string): Response {
  if (error instanceof AppflareError) {
    const response = jsonResponse(error.body, error.status, requestId);
    if (error instanceof MethodNotAllowedError) response.headers.set("allow", error.allow);
    return response;
  }
  // ctx.db maps these itself; a handler calling the schema's validators directly gets the same 400.
  if (error instanceof WhereError) {
    const mapped = new InvalidQueryError(error.message);
    return jsonResponse(mapped.body, mapped.status, requestId);
  }
  console.error(`[appflare] ${route} failed (request ${requestId}):`, error);
  return jsonResponse({ code: "internal", message: "Internal error", requestId }, 500, requestId);
}

/**
 * A JSON response as handler routes send it. `undefined` is sent as `null`; a `bigint` as a JSON number
 * when it is a safe integer (|n| ≤ 2^53 − 1, exact in every JSON parser), else as its decimal string
 * (a number would be silently rounded by JavaScript clients); `no-store` because query results depend
 * on the caller and must not be cached by browsers or proxies.
 */
export function jsonResponse(body: unknown, status: number, requestId: string): Response {
  return new Response(JSON.stringify(body ?? null, bigintAsJson), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      [REQUEST_ID_HEADER]: requestId,
    },
  });
}

function bigintAsJson(_key: string, value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}
