import type {
  CheckModel,
  ColumnModel,
  ColumnType,
  ForeignKeyAction,
  RelationModel,
  TableModel,
} from "../model";
import { SchemaError, type SchemaErrorCode } from "../SchemaError";
import type { Table } from "../table";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A column while the schema resolves; `unique`/`index` `true` become generated names at the end. */
export interface DraftColumn extends Mutable<Omit<ColumnModel, "unique" | "index">> {
  unique: boolean | string;
  index: boolean | string;
}

export type DraftRelation = Mutable<RelationModel>;

export interface DraftIndex {
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly name?: string;
}

export interface DraftTable {
  readonly name: string;
  readonly origin: TableModel["origin"];
  /** The `table(...)` value; absent for synthesized junction tables. */
  readonly definition?: Table;
  sqlName: string;
  /** In model order: declared columns, FKs at their relation's position, synthesized FKs last. */
  columns: Map<string, DraftColumn>;
  relations: Map<string, DraftRelation>;
  primaryKey: string;
  compositeKey?: [string, string];
  indexes: DraftIndex[];
  checks: CheckModel[];
}

export interface ResolveContext {
  /** User tables, then auth tables, then junction tables. */
  readonly tables: Map<string, DraftTable>;
}

/** Throws a {@link SchemaError}; a function so call sites read as one statement. */
export function fail(
  code: SchemaErrorCode,
  table: string,
  field: string | undefined,
  problem: string,
  fix: string,
): never {
  throw new SchemaError({ code, table, field, problem, fix });
}

/** Quoted, comma-separated list for messages: `"a", "b"`. */
export function quoteList(names: Iterable<string>): string {
  return [...names].map((name) => `"${name}"`).join(", ");
}

/** Column type of a FK pointing at `target`: a uuid key is plain TEXT on the referencing side. */
export function foreignKeyType(target: ColumnType): ColumnType {
  return target === "uuid" ? "string" : target;
}

/** SQLite storage class of a key, to check that a FK and its target can be compared. */
export function keyStorage(type: ColumnType): "integer" | "text" | "real" | "other" {
  if (type === "int" || type === "boolean" || type === "date") return "integer";
  if (type === "string" || type === "uuid" || type === "enum") return "text";
  if (type === "real") return "real";
  return "other";
}

/** Rejects `set null` on a NOT NULL FK: SQLite would fail the delete/update at run time. */
export function assertSetNullAllowed(
  table: string,
  field: string,
  notNull: boolean,
  actions: { readonly onDelete?: ForeignKeyAction; readonly onUpdate?: ForeignKeyAction },
  fix: string,
): void {
  if (!notNull) return;
  for (const key of ["onDelete", "onUpdate"] as const) {
    if (actions[key] === "set null") {
      fail(
        "set_null_on_not_null",
        table,
        field,
        `${key}: "set null" on a NOT NULL foreign key would fail every time it fires`,
        fix,
      );
    }
  }
}

/** A draft FK column referencing `target.column` (a key), named `name`. */
export function foreignKeyColumn(
  name: string,
  target: DraftTable,
  column: string,
  options: {
    readonly notNull: boolean;
    readonly onDelete?: ForeignKeyAction;
    readonly onUpdate?: ForeignKeyAction;
    readonly unique?: boolean | string;
    readonly index?: boolean | string;
    readonly relation?: string;
  },
): DraftColumn {
  const referenced = target.columns.get(column);
  if (referenced === undefined) throw new Error(`internal: ${target.name}.${column} is not resolved`);
  const draft: DraftColumn = {
    name,
    sqlName: "",
    type: foreignKeyType(referenced.type),
    notNull: options.notNull,
    primaryKey: false,
    autoIncrement: false,
    unique: options.unique ?? false,
    index: options.index ?? false,
    hasSqlDefault: false,
    references: {
      table: target.name,
      column,
      ...(options.onDelete === undefined ? {} : { onDelete: options.onDelete }),
      ...(options.onUpdate === undefined ? {} : { onUpdate: options.onUpdate }),
    },
  };
  if (referenced.enumValues !== undefined) draft.enumValues = referenced.enumValues;
  if (referenced.length !== undefined) draft.length = referenced.length;
  if (options.relation !== undefined) draft.relation = options.relation;
  return draft;
}

/**
 * Whether an inferred FK gets an index by default: yes, unless something already serves lookups by it
 * (a UNIQUE on the FK, or a declared table index whose first column it is). Without one, `onDelete`
 * cascades and `with` joins scan the whole referencing table for every parent row.
 */
export function indexByDefault(table: DraftTable, fk: string, unique: boolean | string | undefined): boolean {
  if (unique !== undefined && unique !== false) return false;
  const indexes = table.definition?.options.indexes ?? [];
  return !indexes.some((index) => index.columns[0] === fk);
}
