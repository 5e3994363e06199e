/**
 * Types of the canonical where produced by `normalizeWhere`. The realtime layer stores these, the
 * server compiles SQL from them, and `compileWhere` evaluates them. Keys are dynamic (field names),
 * so consumers tell columns, relations and element fields apart with the TableModel.
 */

/**
 * A canonical operand: dates are epoch ms numbers on date columns and `toISOString()` text on date
 * fields inside JSON (how JSON stores them); booleans stay booleans; -0 is 0.
 */
export type NormalizedScalar = string | number | boolean;

/** Operators of one scalar field (a column, a JSON element field, or `length`). Keys sorted. */
export interface NormalizedOperators {
  readonly eq?: NormalizedScalar | null;
  readonly ne?: NormalizedScalar | null;
  /** Non-empty, or `[]` meaning "matches nothing". Never contains null. */
  readonly in?: readonly NormalizedScalar[];
  /** `[]` means "no filter". Never contains null. */
  readonly nin?: readonly NormalizedScalar[];
  readonly gt?: NormalizedScalar;
  readonly gte?: NormalizedScalar;
  readonly lt?: NormalizedScalar;
  readonly lte?: NormalizedScalar;
  readonly exists?: boolean;
  readonly contains?: string;
  readonly startsWith?: string;
  readonly endsWith?: string;
  /** Present only as "insensitive", and only beside contains/startsWith/endsWith. */
  readonly mode?: "insensitive";
}

/**
 * Condition on a `json` / `enumArray` column. Every key that is not one of the listed operators is a
 * field of the array's object elements; together they mean "some element matches all of them".
 */
export interface NormalizedJsonOperators {
  readonly eq?: null;
  readonly ne?: null;
  readonly exists?: boolean;
  readonly includes?: readonly NormalizedScalar[];
  readonly includesAny?: readonly NormalizedScalar[];
  readonly length?: NormalizedOperators;
  readonly [elementField: string]:
    | NormalizedOperators
    | readonly NormalizedScalar[]
    | boolean
    | null
    | undefined;
}

export interface NormalizedGeoWithin {
  readonly $geometry: { readonly latitude: number; readonly longitude: number };
  readonly latitudeField: string;
  readonly longitudeField: string;
  readonly maxDistance?: number;
  readonly minDistance?: number;
}

/**
 * A canonical where: keys sorted; `and`/`or`/`not`/`geoWithin` without `$`; each column maps to a
 * NormalizedOperators (or NormalizedJsonOperators), each relation to the NormalizedWhere of its target.
 */
export interface NormalizedWhere {
  readonly and?: readonly NormalizedWhere[];
  readonly or?: readonly NormalizedWhere[];
  readonly not?: NormalizedWhere;
  readonly geoWithin?: NormalizedGeoWithin;
  readonly [field: string]:
    | NormalizedWhere
    | readonly NormalizedWhere[]
    | NormalizedGeoWithin
    | NormalizedOperators
    | NormalizedJsonOperators
    | undefined;
}
