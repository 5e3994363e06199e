import type {
  AnySchema,
  ColumnNames,
  RefusePrivateRelations,
  RelationNames,
  RelationTarget,
  TableNames,
} from "@appflare/schema";
import type { ColumnData, NumericColumns } from "./columnData";

/** Operator keys also accepted with a `$` prefix (`$gte`, `$in`, `$regex`, …). */
type Dollar<T> = { [K in keyof T as `$${K & string}`]: T[K] };
type WithAliases<T> = T & Dollar<T>;

/** Operators of ordered scalar fields (numbers, dates, booleans, strings). */
export interface ComparisonOperators<V> {
  readonly eq?: V | null;
  readonly ne?: V | null;
  readonly in?: readonly V[];
  readonly nin?: readonly V[];
  readonly gt?: V;
  readonly gte?: V;
  readonly lt?: V;
  readonly lte?: V;
  readonly exists?: boolean;
}

/** Substring operators of text fields: `%`, `_` and `\` are literal; `mode`/`options` make them case-insensitive. */
export interface TextOperators<V> extends ComparisonOperators<V> {
  readonly contains?: string;
  readonly startsWith?: string;
  readonly endsWith?: string;
  /** Alias of `contains` (appflare 0.2): a plain substring, not a regular expression. */
  readonly regex?: string;
  readonly mode?: "insensitive" | "default";
  /** `"i"` is `mode: "insensitive"`. */
  readonly options?: "i" | "";
}

/** A date operand: a `Date`, epoch milliseconds, or an ISO 8601 string with a time zone. */
export type DateOperand = Date | number | string;

/** A scalar JSON value an untyped (`v.json()`) element may be compared with. */
export type JsonScalar = string | number | boolean;

/** Operators of the array length of a JSON array field. */
export type LengthCondition =
  | number
  | WithAliases<Omit<ComparisonOperators<number>, "exists" | "eq" | "ne"> & { eq?: number; ne?: number }>;

/** Null checks every JSON field takes. */
interface JsonNullChecks {
  readonly eq?: null;
  readonly ne?: null;
  readonly exists?: boolean;
}

/** The operand type of an element of a typed JSON array. */
type ElementOperand<E> = [E] extends [Date] ? DateOperand : E;

/** Conditions on a JSON array field: `includes` (all), `includesAny`, `length`, element fields. */
export type JsonArrayCondition<E> = WithAliases<
  JsonNullChecks & {
    readonly includes?: readonly ElementOperand<NonNullable<E>>[];
    readonly includesAny?: readonly ElementOperand<NonNullable<E>>[];
    readonly length?: LengthCondition;
  }
> &
  ElementFields<NonNullable<E>>;

/** `{ sku: "A", qty: { gte: 2 } }`: fields of object elements (some element matches all of them). */
type ElementFields<E> = [E] extends [readonly unknown[]]
  ? {}
  : [E] extends [Date]
    ? {}
    : [E] extends [object]
      ? { readonly [F in keyof E]?: FieldCondition<NonNullable<E[F]>> }
      : {};

/** Conditions on an untyped JSON field: null checks, array operators, element fields of any name. */
export type JsonAnyCondition = WithAliases<
  JsonNullChecks & {
    readonly includes?: readonly JsonScalar[];
    readonly includesAny?: readonly JsonScalar[];
    readonly length?: LengthCondition;
  }
> & {
  readonly [elementField: string]:
    | JsonScalar
    | null
    | WithAliases<TextOperators<JsonScalar>>
    | LengthCondition
    | readonly JsonScalar[]
    | boolean
    | undefined;
};

/**
 * What a where may say about a field whose (non-null) value type is `D`: a value (`=`), `null`
 * (IS NULL), or an operator object. JSON documents take only null checks; JSON arrays add the
 * array operators.
 */
export type FieldCondition<D> = unknown extends D
  ? null | JsonAnyCondition
  : [D] extends [Date]
    ? DateOperand | null | WithAliases<ComparisonOperators<DateOperand>>
    : [D] extends [boolean]
      ? boolean | null | WithAliases<ComparisonOperators<boolean>>
      : [D] extends [number]
        ? D | null | WithAliases<ComparisonOperators<D>>
        : [D] extends [string]
          ? D | null | WithAliases<TextOperators<D>>
          : [D] extends [readonly (infer E)[]]
            ? null | JsonArrayCondition<E>
            : null | WithAliases<JsonNullChecks>;

/** `geoWithin`: rows whose (latitudeField, longitudeField) lie within the distance bounds (metres). */
export interface GeoWithinInput<Field extends string = string> {
  readonly $geometry: { readonly latitude: number; readonly longitude: number };
  readonly latitudeField: Field;
  readonly longitudeField: Field;
  readonly minDistance?: number;
  readonly maxDistance?: number;
}

/** `and` / `or` / `not` and `geoWithin`, each also `$`-prefixed. */
type Combinators<S extends AnySchema, T extends TableNames<S>> = WithAliases<{
  readonly and?: readonly WhereInput<S, T>[];
  readonly or?: readonly WhereInput<S, T>[];
  readonly not?: WhereInput<S, T>;
  readonly geoWithin?: GeoWithinInput<NumericColumns<S, T>>;
}>;

/**
 * The `where` of table `T` (docs/data-api.md): column conditions typed by the column, relation filters
 * (EXISTS over the relation's target, nested freely), `and` / `or` / `not`, `geoWithin`, and the
 * `$`-prefixed aliases of every operator. All keys are AND-ed.
 *
 * @example
 * const where: WhereInput<typeof schema, "tasks"> = {
 *   done: false,
 *   dueAt: { lt: new Date() },
 *   title: { contains: "bug", mode: "insensitive" },
 *   project: { status: "active" },
 *   or: [{ priority: "high" }, { labels: { name: "urgent" } }],
 * };
 */
export type WhereInput<S extends AnySchema, T extends TableNames<S>> = {
  readonly [K in ColumnNames<S, T>]?: FieldCondition<ColumnData<S, T, K>>;
} & {
  readonly [R in RelationNames<S, T>]?: WhereInput<S, RelationTarget<S, T, R>>;
} & RefusePrivateRelations<S, T> &
  Combinators<S, T>;
