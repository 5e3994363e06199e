import { type BaseConfig, type ColumnBuilder, createColumn } from "./ColumnBuilder";

/** Non-empty list of enum values, kept literal. */
export type EnumValues = readonly [string, ...string[]];

/** A named, reusable enum made by `v.defineEnum(name, values)`. */
export interface EnumDefinition<V extends EnumValues = EnumValues> {
  readonly "~kind": "enumDefinition";
  readonly name: string;
  readonly values: V;
  /** A new TEXT column restricted to the values (same as `v.enum(definition)`). */
  column(): ColumnBuilder<BaseConfig<"enum", V[number]>>;
  /** A new JSON column holding an array of the values (same as `v.enumArray(definition)`). */
  array(): ColumnBuilder<BaseConfig<"enumArray", V[number][]>>;
  /** `true` when `value` is one of the values. */
  is(value: unknown): value is V[number];
}

/** Union of the values of an enum definition: `InferEnum<typeof Status>`. */
export type InferEnum<E extends EnumDefinition> = E["values"][number];

/** Column builder of an enum, from its values or a definition. */
export function enumColumn<const V extends EnumValues>(
  values: V | EnumDefinition<V>,
): ColumnBuilder<BaseConfig<"enum", V[number]>> {
  const [list, name] = "~kind" in values ? [values.values, values.name] : [values, undefined];
  return createColumn("enum", { enumValues: Object.freeze([...list]), enumName: name });
}

/** Builder of a JSON array of enum values, from its values or a definition. */
export function enumArrayColumn<const V extends EnumValues>(
  values: V | EnumDefinition<V>,
): ColumnBuilder<BaseConfig<"enumArray", V[number][]>> {
  const [list, name] = "~kind" in values ? [values.values, values.name] : [values, undefined];
  return createColumn("enumArray", { enumValues: Object.freeze([...list]), enumName: name });
}

/**
 * Declares a reusable enum once and uses it in several tables. Its `name` is kept on the column model
 * (`enumName`) for codegen, the dashboard and OpenAPI. Two different enums with one name are a
 * schema error.
 *
 * @example
 * const Priority = v.defineEnum("priority", ["low", "medium", "high"]);
 * tasks: table({ id: v.uuid(), priority: Priority.column().notNull().default("medium") }),
 * type Priority = InferEnum<typeof Priority>; // "low" | "medium" | "high"
 */
export function defineEnum<const V extends EnumValues>(name: string, values: V): EnumDefinition<V> {
  const frozen = Object.freeze([...values]) as unknown as V;
  const definition: EnumDefinition<V> = {
    "~kind": "enumDefinition",
    name,
    values: frozen,
    column: () => enumColumn(definition),
    array: () => enumArrayColumn(definition),
    is: (value: unknown): value is V[number] => typeof value === "string" && frozen.includes(value),
  };
  return Object.freeze(definition);
}
