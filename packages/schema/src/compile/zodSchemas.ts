import * as z from "zod";
import type { ColumnModel, JsonShape, TableModel } from "../model";

/** The Zod schemas of one table. */
export interface TableZodSchemas<R = Record<string, unknown>, I = Record<string, unknown>> {
  /** Values for `ctx.db.insert`: optional where key, nullable or defaulted. */
  readonly insert: z.ZodType<I>;
  /** A stored row. Dates also accept epoch ms and ISO strings (e.g. a row that went through JSON). */
  readonly select: z.ZodType<R>;
  /** `set` of an update: every column optional. */
  readonly update: z.ZodType<Partial<I>>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date column: a `Date`, epoch milliseconds or an ISO 8601 string in; always a valid `Date` out. */
const dateSchema = z
  .union([
    z.date(),
    z.number(),
    z.string().refine((text) => ISO_DATE.test(text), { message: "Expected an ISO 8601 date string" }),
  ])
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .pipe(z.date());

function jsonSchema(shape: JsonShape): z.ZodType {
  let schema: z.ZodType;
  switch (shape.kind) {
    case "string":
      schema = z.string();
      break;
    case "int":
      schema = z.number().int();
      break;
    case "real":
      schema = z.number();
      break;
    case "boolean":
      schema = z.boolean();
      break;
    case "date":
      schema = dateSchema;
      break;
    case "enum":
      schema = z.enum(shape.values as [string, ...string[]]);
      break;
    case "array":
      schema = z.array(jsonSchema(shape.element));
      break;
    case "object": {
      const entries = Object.entries(shape.shape).map(([key, value]) => {
        const property = jsonSchema(value);
        return [key, value.nullable ? property.optional() : property] as const;
      });
      schema = z.object(Object.fromEntries(entries));
      break;
    }
    case "any":
      schema = z.unknown();
      break;
  }
  return shape.nullable ? schema.nullable() : schema;
}

/** Zod schema of a non-null value of a column. */
export function columnValueSchema(column: ColumnModel): z.ZodType {
  switch (column.type) {
    case "int":
      return z.number().int();
    case "real":
      return z.number();
    case "boolean":
      return z.boolean();
    case "date":
      return dateSchema;
    case "enum":
      return z.enum((column.enumValues ?? []) as [string, ...string[]]);
    case "string":
    case "uuid":
      return column.length === undefined ? z.string() : z.string().max(column.length);
    case "json":
    case "enumArray":
      return jsonSchema(column.json ?? { kind: "any" });
  }
}

/** `true` when a stored row may hold `null` here: not NOT NULL, not a key, no default of any kind. */
export function isRowNullable(column: ColumnModel): boolean {
  return !column.notNull && !column.primaryKey && !column.hasSqlDefault && column.defaultFn === undefined;
}

/** `true` when an insert may leave the column out. */
export function isInsertOptional(column: ColumnModel): boolean {
  return column.primaryKey || column.hasSqlDefault || column.defaultFn !== undefined || isRowNullable(column);
}

/**
 * Zod 4 `insert`, `select` and `update` schemas of a table, matching `Insert`, `Row` and `Update`.
 * Unknown keys are stripped (the server rejects unknown fields itself, naming them).
 *
 * @example
 * const { insert } = zodSchemas(s.model.tables.tasks);
 * insert.parse({ title: "Write docs", projectId });
 */
export function zodSchemas(table: TableModel): TableZodSchemas {
  const select: Record<string, z.ZodType> = {};
  const insert: Record<string, z.ZodType> = {};
  for (const column of Object.values(table.columns)) {
    const value = columnValueSchema(column);
    const row = isRowNullable(column) ? value.nullable() : value;
    select[column.name] = row;
    insert[column.name] = isInsertOptional(column) ? row.optional() : row;
  }
  const insertSchema = z.object(insert);
  return {
    select: z.object(select) as z.ZodType as TableZodSchemas["select"],
    insert: insertSchema as z.ZodType as TableZodSchemas["insert"],
    update: insertSchema.partial() as z.ZodType as TableZodSchemas["update"],
  };
}
