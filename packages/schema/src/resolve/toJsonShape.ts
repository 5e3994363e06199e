import type { AnyColumnBuilder } from "../builders/ColumnBuilder";
import { isColumnBuilder } from "../builders/ColumnBuilder";
import type { JsonShape } from "../model";
import { fail } from "./context";

const JSON_MODIFIERS = new Set(["nullable", "notNull"]);

/**
 * JSON shape of a builder used inside `v.array`/`v.object` (or of a JSON column itself when
 * `path` is empty). `path` (`settings.color`, `items[]`) locates errors.
 */
export function toJsonShape(
  table: string,
  field: string,
  builder: AnyColumnBuilder,
  path: string,
): JsonShape {
  const state = builder["~state"];
  if (path !== "") {
    const misplaced = state.modifiers.find((modifier) => !JSON_MODIFIERS.has(modifier));
    if (misplaced !== undefined) {
      fail(
        "invalid_column",
        table,
        field,
        `.${misplaced}() at "${path}" has no meaning inside v.array/v.object`,
        "inside JSON only .nullable() applies; put keys, defaults and indexes on the column itself",
      );
    }
  }
  const nullable = path !== "" && state.nullable ? { nullable: true } : {};
  switch (state.type) {
    case "int":
    case "real":
    case "boolean":
    case "date":
      return { kind: state.type, ...nullable };
    case "string":
    case "uuid":
      return { kind: "string", ...nullable };
    case "enum":
      return { kind: "enum", values: state.enumValues ?? [], ...nullable };
    case "enumArray":
      return { kind: "array", element: { kind: "enum", values: state.enumValues ?? [] }, ...nullable };
    case "json":
      break;
  }
  if (state.element !== undefined) {
    const element = nested(table, field, state.element, `${path || field}[]`);
    return { kind: "array", element, ...nullable };
  }
  if (state.shape !== undefined) {
    const shape: Record<string, JsonShape> = {};
    for (const [key, value] of Object.entries(state.shape)) {
      shape[key] = nested(table, field, value, `${path || field}.${key}`);
    }
    return { kind: "object", shape, ...nullable };
  }
  return { kind: "any", ...nullable };
}

function nested(table: string, field: string, value: unknown, path: string): JsonShape {
  if (!isColumnBuilder(value)) {
    fail(
      "non_builder_field",
      table,
      field,
      `the value at "${path}" is not a column builder (relations cannot live inside JSON)`,
      "use v.string(), v.int(), v.object({...}), v.array(...)... inside v.array/v.object",
    );
  }
  return toJsonShape(table, field, value, path);
}
