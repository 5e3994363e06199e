import * as z from "zod";
import { type ArgsDef, argsSchema } from "../handlers/args";
import type { CollectedHandler } from "../handlers/collectHandlers";

type JsonObject = Record<string, unknown>;

const errorRef = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * The OpenAPI 3.1 document of every query (`GET /queries/<name>`, args as the JSON `args` query
 * parameter) and mutation (`POST /mutations/<name>`, args as the JSON body). Arg schemas come from
 * zod 4's `z.toJSONSchema` (input side: what the caller sends); types JSON cannot carry become `{}`,
 * dates a `date-time` string. Results are untyped (`{}`): return types exist only at compile time.
 *
 * @example
 * const doc = openApiDocument("my-app", collectHandlers(modules));
 * doc.paths["/queries/tasks/list"].get.parameters[0].name; // "args"
 */
export function openApiDocument(title: string, handlers: readonly CollectedHandler[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  let needsAuth = false;
  for (const h of handlers) {
    const def = h.definition;
    if (def.kind !== "query" && def.kind !== "mutation") continue;
    needsAuth ||= def.authRequired;
    const schema = jsonSchemaOf(def.args);
    const required = Array.isArray(schema.required) && schema.required.length > 0;
    const responses: JsonObject = {
      "200": {
        description: "The handler's result (JSON; dates as ISO strings)",
        content: { "application/json": { schema: {} } },
      },
      "400": errorRef("`invalid_args`, `invalid_query`, `check_violation` or `not_null_violation`"),
      ...(def.authRequired ? { "401": errorRef("`unauthorized`: sign in first") } : {}),
      "403": errorRef("`banned`"),
      ...(def.kind === "mutation"
        ? {
            "409": errorRef("`unique_violation`, `foreign_key_violation` or `expect_rows_failed`"),
            "413": errorRef("`payload_too_large`"),
          }
        : {}),
      "500": errorRef("`internal`"),
    };
    const operation: JsonObject = {
      operationId: `${h.kind === "query" ? "queries" : "mutations"}.${h.name.replaceAll("/", ".")}`,
      tags: [h.name.split("/")[0]],
      ...(def.authRequired ? { security: [{ bearerAuth: [] }] } : {}),
      responses,
    };
    if (def.kind === "query") {
      operation.parameters = [
        {
          name: "args",
          in: "query",
          required,
          description: "The arguments as URL-encoded JSON (plain `?key=value` parameters are accepted too)",
          content: { "application/json": { schema } },
        },
      ];
      paths[`/queries/${h.name}`] = { get: operation };
    } else {
      operation.requestBody = { required, content: { "application/json": { schema } } };
      paths[`/mutations/${h.name}`] = { post: operation };
    }
  }
  return {
    openapi: "3.1.0",
    info: { title, version: "1.0.0" },
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          properties: { code: { type: "string" }, message: { type: "string" } },
          required: ["message"],
          additionalProperties: true,
        },
      },
      ...(needsAuth
        ? {
            securitySchemes: {
              // The Better Auth session cookie works too; its name depends on the auth options.
              bearerAuth: { type: "http", scheme: "bearer" },
            },
          }
        : {}),
    },
  };
}

function jsonSchemaOf(args: ArgsDef): JsonObject {
  const schema = z.toJSONSchema(argsSchema(args), {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
      }
    },
  }) as JsonObject;
  // OpenAPI 3.1 schemas are 2020-12 already; the per-schema dialect marker is noise.
  delete schema.$schema;
  return schema;
}
