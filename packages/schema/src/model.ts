/**
 * The resolved, runtime description of a schema: what `schema(...)` produces after relations are
 * resolved, FKs inferred and junction tables synthesized. Every other part of Appflare (the Drizzle
 * compiler, the filter model, the server's SQL compiler, the realtime matcher, codegen) reads this
 * model rather than the builder objects, so it is plain data plus a few back-references.
 */

/** Storage kind of a column. Decides the SQLite type, the Zod schema, and how values are encoded. */
export type ColumnType =
  | "int" // INTEGER
  | "real" // REAL
  | "string" // TEXT
  | "boolean" // INTEGER 0/1, `boolean` in TS
  | "date" // INTEGER epoch ms, `Date` in TS
  | "uuid" // TEXT, filled with crypto.randomUUID() when it is the primary key
  | "enum" // TEXT restricted to `enumValues`
  | "enumArray" // JSON TEXT: array of `enumValues`
  | "json"; // JSON TEXT: `v.array`, `v.object`, `v.json`

/**
 * Shape of a JSON column's value, used for Zod validation and element conditions in `where`.
 * Inside JSON, values are required and non-null unless `nullable` is set (`v.string().nullable()` in a
 * `v.object`/`v.array`); a nullable object property may also be missing. Dates inside JSON are stored as
 * ISO strings (JSON has no dates) and typed/validated as `Date`.
 */
export type JsonShape = (
  | { kind: "string" }
  | { kind: "int" }
  | { kind: "real" }
  | { kind: "boolean" }
  | { kind: "date" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "array"; element: JsonShape }
  | { kind: "object"; shape: Readonly<Record<string, JsonShape>> }
  | { kind: "any" }
) & {
  /** Added by the schema DSL: the value may be `null` (and, as an object property, missing). */
  readonly nullable?: boolean;
};

export type ForeignKeyAction = "cascade" | "restrict" | "no action" | "set null" | "set default";

export interface ColumnModel {
  /** Field name in TypeScript (camelCase). */
  readonly name: string;
  /** Column name in SQL (snake_case unless `.sql(name)` was given). */
  readonly sqlName: string;
  readonly type: ColumnType;
  /** NOT NULL in SQL. Primary keys are always not null. */
  readonly notNull: boolean;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  /** `false`, or the unique constraint name (generated when `.unique()` had no name). */
  readonly unique: false | string;
  /** `false`, or the single-column index name. */
  readonly index: false | string;
  /** `v.string({ length })`. */
  readonly length?: number;
  readonly enumValues?: readonly string[];
  /** Name given to `v.defineEnum(name, values)` when the column uses a reusable enum. */
  readonly enumName?: string;
  /** Present for `json` and `enumArray` columns. */
  readonly json?: JsonShape;
  /** SQL DEFAULT (`.default(value)`), already in the TS value space (Date, boolean, object...). */
  readonly hasSqlDefault: boolean;
  readonly sqlDefault?: unknown;
  /** Runtime default applied by `ctx.db.insert` (`.defaultFn(fn)`, `.defaultNow()`, uuid PK). */
  readonly defaultFn?: () => unknown;
  readonly references?: {
    readonly table: string;
    readonly column: string;
    readonly onDelete?: ForeignKeyAction;
    readonly onUpdate?: ForeignKeyAction;
  };
  /** Set when this column is the FK a `v.one` relation inferred; names that relation. */
  readonly relation?: string;
}

export interface JunctionModel {
  /** Junction table name (TS name, e.g. `labelsTasksLinks`). */
  readonly table: string;
  /** Junction column that references the source table's key. */
  readonly sourceField: string;
  /** Junction column that references the target table's key. */
  readonly targetField: string;
}

/**
 * A relation as seen from its `source` table. For `one` and `many` the join condition is always
 * `source.sourceField = target.targetField`:
 * - `one`:  sourceField is the FK on the source (e.g. `projectId`), targetField the referenced key (`id`);
 * - `many`: sourceField is the source key (`id`), targetField the FK on the target (`projectId`).
 * For `manyToMany`: `source.sourceField = junction.sourceField` and
 * `junction.targetField = target.targetField` (sourceField/targetField are the two primary keys).
 */
export interface RelationModel {
  readonly name: string;
  readonly kind: "one" | "many" | "manyToMany";
  readonly source: string;
  readonly target: string;
  readonly sourceField: string;
  readonly targetField: string;
  /** `one`: the FK may be NULL. */
  readonly nullable: boolean;
  readonly relationName?: string;
  readonly junction?: JunctionModel;
  /** Name of the relation on the target table that is the inverse of this one, when there is one. */
  readonly inverse?: string;
}

export interface IndexModel {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

export interface CheckModel {
  readonly name: string;
  readonly sql: string;
}

export interface TableModel {
  /** TS name (the key in `schema({...})`). */
  readonly name: string;
  readonly sqlName: string;
  /** Columns in declaration order (inferred FKs follow their relation's position). */
  readonly columns: Readonly<Record<string, ColumnModel>>;
  readonly relations: Readonly<Record<string, RelationModel>>;
  /**
   * Field name of the primary key. Junction tables have a composite key: this is then the first key
   * field and {@link TableModel.compositeKey} lists both.
   */
  readonly primaryKey: string;
  /** Junction tables only: both key fields `[sourceField, targetField]` of the composite primary key. */
  readonly compositeKey?: readonly [string, string];
  readonly indexes: readonly IndexModel[];
  readonly checks: readonly CheckModel[];
  /** "user": declared by the app; "auth": built-in auth table; "junction": synthesized by manyToMany. */
  readonly origin: "user" | "auth" | "junction";
  /** Back-reference to the whole schema, so relation targets can be resolved from a table alone. */
  readonly schema: SchemaModel;
}

export interface SchemaModel {
  /** Every table: the app's, the built-in auth tables, and synthesized junction tables. */
  readonly tables: Readonly<Record<string, TableModel>>;
}
