import fc from "fast-check";
import type { ColumnModel, JsonShape, TableModel } from "../src/model";
import { ANY_FIELD_POOL, DATE_POOL, INT_POOL, REAL_POOL, STRING_POOL } from "./valuePools";

export interface RowArbitraryOptions {
  /** Levels of relation data to attach (`row.project`, `row.children` …); 0 attaches none. Default 0. */
  relationDepth?: number;
  /** Also produce 0/1 for booleans and epoch ms for dates (both accepted by the evaluator). Default true. */
  looseTypes?: boolean;
}

/**
 * Rows of `table` in the TypeScript value space: every column present, NULL for nullable columns
 * about one time in five. Relation data, when requested, is NOT kept consistent with the FK values:
 * it is meant for JS-only properties; a SQL differential test should insert rows and load them back.
 */
export function rowArbitrary(
  table: TableModel,
  options: RowArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const { relationDepth = 0, looseTypes = true } = options;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const column of Object.values(table.columns)) {
    const value = columnValueArbitrary(column, looseTypes);
    model[column.name] = column.notNull ? value : fc.option(value, { nil: null, freq: 4 });
  }
  if (relationDepth > 0) {
    for (const relation of Object.values(table.relations)) {
      const target = table.schema.tables[relation.target]!;
      const related = rowArbitrary(target, { relationDepth: relationDepth - 1, looseTypes });
      model[relation.name] =
        relation.kind === "one"
          ? fc.option(related, { nil: null, freq: 3 })
          : fc.array(related, { maxLength: 2 });
    }
  }
  return fc.record(model);
}

/** A non-NULL value of one column, as a row would carry it. */
export function columnValueArbitrary(column: ColumnModel, looseTypes = true): fc.Arbitrary<unknown> {
  switch (column.type) {
    case "int":
      return fc.constantFrom(...INT_POOL);
    case "real":
      return fc.constantFrom(...REAL_POOL, ...INT_POOL);
    case "string":
    case "uuid":
      return fc.constantFrom(...STRING_POOL);
    case "enum":
      return fc.constantFrom(...(column.enumValues ?? []));
    case "boolean":
      return looseTypes ? fc.constantFrom(true, false, 0, 1) : fc.boolean();
    case "date": {
      const ms = fc.constantFrom(...DATE_POOL);
      return looseTypes
        ? fc.oneof(
            ms.map((v) => new Date(v)),
            ms,
          )
        : ms.map((v) => new Date(v));
    }
    case "enumArray":
      return fc.array(fc.constantFrom(...(column.enumValues ?? [])), { maxLength: 3 });
    case "json":
      return jsonValueArbitrary(column.json ?? { kind: "any" });
  }
}

/** A value of a JSON shape. Dates inside JSON are stored as ISO text: rows carry a Date or that text. */
export function jsonValueArbitrary(shape: JsonShape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case "string":
      return fc.constantFrom(...STRING_POOL);
    case "int":
      return fc.constantFrom(...INT_POOL);
    case "real":
      return fc.constantFrom(...REAL_POOL);
    case "boolean":
      return fc.boolean();
    case "date":
      return fc
        .constantFrom(...DATE_POOL)
        .chain((ms) => fc.constantFrom<unknown>(new Date(ms), new Date(ms).toISOString()));
    case "enum":
      return fc.constantFrom(...shape.values);
    case "array":
      return fc.array(jsonValueArbitrary(shape.element), { maxLength: 3 });
    case "object": {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape.shape)) {
        model[key] = fc.option(jsonValueArbitrary(field), { nil: null, freq: 5 });
      }
      return fc.record(model, { requiredKeys: [] });
    }
    case "any":
      return anyJsonArbitrary;
  }
}

const anyScalar = fc.oneof(
  fc.constantFrom("a", "A", "1", "", "é"),
  fc.constantFrom(0, 1, 2, 1.5),
  fc.boolean(),
  fc.constant(null),
);
const anyObject = fc.record(Object.fromEntries(ANY_FIELD_POOL.map((key) => [key, anyScalar])), {
  requiredKeys: [],
});
const anyJsonArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.oneof(anyScalar, anyObject, fc.array(anyScalar, { maxLength: 2 })), { maxLength: 4 }),
  anyObject,
  anyScalar.filter((v) => v !== null),
);
