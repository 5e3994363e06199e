type JsonObject = Record<string, unknown>;

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);

/**
 * The query-string parameters of `GET /queries/<name>` for an args JSON Schema. When every argument is
 * a scalar or an array of scalars, each one is its own `?key=value` parameter (arrays as repeated keys),
 * so OpenAPI client generators type every argument and send what the server coerces. Otherwise the
 * args travel as one JSON-encoded `args` parameter carrying the whole schema.
 *
 * @example
 * queryParameters({ type: "object", properties: { id: { type: "string" } }, required: ["id"] });
 * // [{ name: "id", in: "query", required: true, schema: { type: "string" } }]
 */
export function queryParameters(args: JsonObject): JsonObject[] {
  const properties = (args.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set(Array.isArray(args.required) ? (args.required as string[]) : []);
  const names = Object.keys(properties);
  if (names.length === 0) return [];
  if (names.includes("args") || !names.every((n) => isFlat(properties[n] as JsonObject))) {
    return [
      {
        name: "args",
        in: "query",
        required: required.size > 0,
        description: "The arguments as URL-encoded JSON",
        content: { "application/json": { schema: args } },
      },
    ];
  }
  return names.map((name) => {
    const schema = properties[name] as JsonObject;
    const isArray = schema.type === "array";
    return {
      name,
      in: "query",
      required: required.has(name),
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      ...(isArray ? { style: "form", explode: true } : {}),
      schema,
    };
  });
}

function isFlat(schema: JsonObject): boolean {
  if (schema.type === "array") return isScalar((schema.items ?? {}) as JsonObject, false);
  return isScalar(schema, true);
}

function isScalar(schema: JsonObject, allowNull: boolean): boolean {
  if ("$ref" in schema) return false;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonObject[] | undefined;
  if (variants) return variants.every((v) => isScalar(v, allowNull));
  if (Array.isArray(schema.enum)) return schema.enum.every((v) => v === null || typeof v !== "object");
  if ("const" in schema) return schema.const === null || typeof schema.const !== "object";
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.every((t) => typeof t === "string" && SCALAR_TYPES.has(t) && (allowNull || t !== "null"));
}
