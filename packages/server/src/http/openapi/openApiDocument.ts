import * as z from "zod";
import { type ArgsDef, argsSchema } from "../../handlers/args";
import type { CollectedHandler } from "../../handlers/collectHandlers";
import { ERROR_SCHEMAS, errorResponses } from "./openApiErrors";
import { operationId } from "./operationId";
import { queryParameters } from "./queryParameters";

type JsonObject = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document of every query (`GET /queries/<name>`) and mutation (`POST
 * /mutations/<name>`), from their Zod args (input side: what the caller sends) and, where a handler
 * declares one, its `returns` schema (output side: what it answers; `{}` otherwise). Dates are
 * `date-time` strings; types JSON cannot carry become `{}`. Every operation lists the error bodies it
 * can answer with, and a bearer security scheme (optional, or required with `authRequired`).
 * Summaries come from a handler's `description` (codegen fills it from the export's JSDoc).
 *
 * @example
 * const doc = openApiDocument("my-app", collectHandlers(modules));
 * doc.paths["/queries/tasks/list"].get.operationId; // "tasksList"
 */
export function openApiDocument(title: string, handlers: readonly CollectedHandler[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const h of handlers) {
    const def = h.definition;
    if (def.kind !== "query" && def.kind !== "mutation") continue;
    const args = jsonSchemaOf(argsSchema(def.args as ArgsDef), "input");
    const returns = def.returns ? jsonSchemaOf(def.returns, "output") : {};
    const description = def.description?.trim();
    const operation: JsonObject = {
      operationId: operationId(h.name),
      ...(description ? { summary: firstLine(description), description } : {}),
      tags: [h.name.split("/")[0]],
      // `{}` = anonymous allowed: the session, when sent, still decides what the handler sees.
      security: def.authRequired ? [{ bearerAuth: [] }] : [{ bearerAuth: [] }, {}],
      responses: {
        "200": {
          description: "The handler's result (JSON; dates as ISO strings)",
          content: { "application/json": { schema: returns } },
        },
        ...errorResponses(def.kind, def.authRequired),
      },
    };
    if (def.kind === "query") {
      const parameters = queryParameters(args);
      if (parameters.length > 0) operation.parameters = parameters;
      paths[`/queries/${h.name}`] = { get: operation };
    } else {
      const required = Array.isArray(args.required) && args.required.length > 0;
      operation.requestBody = { required, content: { "application/json": { schema: args } } };
      paths[`/mutations/${h.name}`] = { post: operation };
    }
  }
  return {
    openapi: "3.1.0",
    info: { title, version: "1.0.0" },
    paths,
    components: {
      schemas: ERROR_SCHEMAS,
      securitySchemes: {
        // The Better Auth session cookie works too; its name depends on the auth options.
        bearerAuth: { type: "http", scheme: "bearer" },
      },
    },
  };
}

function firstLine(text: string): string {
  const line = text.split(/\n\s*\n|\.\s/)[0] ?? text;
  return line.replace(/\s+/g, " ").trim();
}

function jsonSchemaOf(schema: z.core.$ZodType, io: "input" | "output"): JsonObject {
  const json = z.toJSONSchema(schema, {
    io,
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
  delete json.$schema;
  return json;
}
