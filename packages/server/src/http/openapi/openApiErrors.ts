/**
 * The error bodies of the HTTP surface (the response table of the server README) as OpenAPI 3.1
 * components, and the responses each kind of operation can answer with. One schema per `code`, so a
 * generated client narrows on `code`; `HandlerError` is what `ctx.error(status, message, details)` sends.
 */
type JsonObject = Record<string, unknown>;

const str = { type: "string" } as const;

function codeError(code: string, extra: JsonObject = {}, required: readonly string[] = []): JsonObject {
  return {
    type: "object",
    properties: { code: { const: code }, message: str, ...extra },
    required: ["code", ...required],
  };
}

/** `components.schemas` entries for every error body. */
export const ERROR_SCHEMAS: Readonly<Record<string, JsonObject>> = {
  InvalidArgs: codeError(
    "invalid_args",
    {
      issues: {
        type: "array",
        description: "Zod issues: `path` names the argument at fault",
        items: { type: "object", properties: { path: { type: "array" }, message: str } },
      },
    },
    ["message", "issues"],
  ),
  InvalidQuery: codeError("invalid_query", {}, ["message"]),
  CheckViolation: codeError("check_violation", { constraint: str }, ["constraint"]),
  NotNullViolation: codeError("not_null_violation", { table: str, fields: { type: "array", items: str } }, [
    "table",
    "fields",
  ]),
  Unauthorized: codeError("unauthorized", {}, ["message"]),
  Banned: codeError("banned", {}, ["message"]),
  NotFound: codeError("not_found", {}, ["message"]),
  UniqueViolation: codeError("unique_violation", { table: str, fields: { type: "array", items: str } }, [
    "table",
    "fields",
  ]),
  ForeignKeyViolation: codeError("foreign_key_violation", { table: str }, ["table"]),
  ExpectRowsFailed: codeError("expect_rows_failed", { expected: {}, actual: { type: "integer" } }, [
    "expected",
    "actual",
  ]),
  PayloadTooLarge: codeError("payload_too_large"),
  UnsupportedMediaType: codeError("unsupported_media_type"),
  Internal: codeError("internal", { requestId: str }, ["message", "requestId"]),
  HandlerError: {
    type: "object",
    description: "Thrown by the handler with `ctx.error(status, message, details)`",
    properties: { message: str, details: {} },
    required: ["message"],
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function response(description: string, names: readonly string[]): JsonObject {
  const schema = names.length === 1 ? ref(names[0] as string) : { oneOf: names.map(ref) };
  return { description, content: { "application/json": { schema } } };
}

/** The error responses of one query or mutation operation. */
export function errorResponses(kind: "query" | "mutation", authRequired: boolean): JsonObject {
  return {
    "400": response("Bad arguments, a bad `ctx.db` query, or a constraint the data breaks", [
      "InvalidArgs",
      "InvalidQuery",
      "CheckViolation",
      "NotNullViolation",
      "HandlerError",
    ]),
    "401": response(authRequired ? "Sign in first (`unauthorized`)" : "A session that is no longer valid", [
      "Unauthorized",
      "HandlerError",
    ]),
    "403": response("A banned user, or refused by the handler", ["Banned", "HandlerError"]),
    "404": response("No such handler, or not found by the handler", ["NotFound", "HandlerError"]),
    "409": response("A write conflicted with the data", [
      "UniqueViolation",
      "ForeignKeyViolation",
      "ExpectRowsFailed",
      "HandlerError",
    ]),
    "413": response("The request body is over the limit", ["PayloadTooLarge"]),
    ...(kind === "mutation"
      ? { "415": response("The body is not `application/json`", ["UnsupportedMediaType"]) }
      : {}),
    "500": response("An unexpected error (logged with the request id)", ["Internal"]),
  };
}
