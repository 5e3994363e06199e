import type { ColumnType, ForeignKeyAction } from "../model";

/**
 * Type-level description of a column builder; drives `Row`/`Insert` inference. Every modifier returns
 * a builder whose config differs only in the flags it changes.
 */
export interface ColumnConfig {
  readonly type: ColumnType;
  /** TS value type of a non-null value (`Date` for dates, the union for enums, the shape for JSON). */
  readonly data: unknown;
  /** `.notNull()` (or primary key): NOT NULL in SQL. */
  readonly notNull: boolean;
  /** `.nullable()` was called: inside JSON shapes this is what makes a value nullable. */
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  /** Any default: SQL `.default(value)`, `.defaultFn(fn)`, `.defaultNow()`, or a uuid/string key. */
  readonly hasDefault: boolean;
}

/** Initial config of a fresh builder: nullable column, no key, no default. */
export interface BaseConfig<T extends ColumnType, D> extends ColumnConfig {
  readonly type: T;
  readonly data: D;
  readonly notNull: false;
  readonly nullable: false;
  readonly primaryKey: false;
  readonly autoIncrement: false;
  readonly hasDefault: false;
}

/** `C` with the flags in `P` replaced. */
export type WithConfig<C extends ColumnConfig, P extends Partial<ColumnConfig>> = {
  readonly [K in keyof C]: K extends keyof P ? P[K] : C[K];
};

export interface ReferenceActions {
  readonly onDelete?: ForeignKeyAction;
  readonly onUpdate?: ForeignKeyAction;
}

export interface PrimaryKeyOptions {
  /** INTEGER keys only: SQLite `AUTOINCREMENT` (ids are never reused). */
  readonly autoIncrement?: boolean;
}

/** Runtime record of everything a builder was told; resolved into a `ColumnModel` by `schema()`. */
export interface ColumnState {
  readonly type: ColumnType;
  readonly notNull: boolean;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  /** `true` asks for a generated constraint name. */
  readonly unique: boolean | string;
  readonly index: boolean | string;
  readonly length?: number;
  readonly enumValues?: readonly string[];
  readonly enumName?: string;
  /** `v.array(element)`. */
  readonly element?: AnyColumnBuilder;
  /** `v.object(shape)`. */
  readonly shape?: Readonly<Record<string, AnyColumnBuilder>>;
  readonly hasSqlDefault: boolean;
  readonly sqlDefault?: unknown;
  readonly defaultFn?: () => unknown;
  /** Set by `.defaultNow()`, so misuse on a non-date column can be reported with its table/field. */
  readonly defaultNow?: boolean;
  readonly references?: { readonly table: string; readonly column: string } & ReferenceActions;
  readonly sqlName?: string;
  /** Names of the modifiers called, in order; JSON element builders must only use nullability ones. */
  readonly modifiers: readonly string[];
}

/**
 * An immutable column builder: every modifier returns a new builder, so a builder can be shared
 * between tables (e.g. `const money = v.real().notNull().default(0)`).
 */
export class ColumnBuilder<C extends ColumnConfig = ColumnConfig> {
  /** Type-level config; never set at run time. */
  declare readonly "~config": C;
  readonly "~kind" = "column" as const;
  readonly "~state": ColumnState;

  constructor(state: ColumnState) {
    this["~state"] = Object.freeze(state);
  }

  /**
   * NOT NULL. Columns are nullable unless `.notNull()` or `.primaryKey()`.
   * @example v.string().notNull()
   */
  notNull(): ColumnBuilder<WithConfig<C, { notNull: true; nullable: false }>> {
    return derive(this, "notNull", { notNull: true, nullable: false });
  }

  /**
   * Nullable (the default for columns); inside `v.object`/`v.array` it makes the value `T | null`.
   * @example v.object({ note: v.string().nullable() })
   */
  nullable(): ColumnBuilder<WithConfig<C, { notNull: false; nullable: true }>> {
    return derive(this, "nullable", { notNull: false, nullable: true });
  }

  /**
   * Primary key (implies NOT NULL). Every table has exactly one.
   * @example v.int().primaryKey({ autoIncrement: true })
   */
  primaryKey<const O extends PrimaryKeyOptions = {}>(
    options?: O,
  ): ColumnBuilder<
    WithConfig<
      C,
      {
        primaryKey: true;
        notNull: true;
        nullable: false;
        autoIncrement: O["autoIncrement"] extends true ? true : false;
      }
    >
  > {
    return derive(this, "primaryKey", {
      primaryKey: true,
      notNull: true,
      nullable: false,
      autoIncrement: options?.autoIncrement === true,
    });
  }

  /**
   * UNIQUE constraint; the name defaults to `<table>_<column>_unique`.
   * @example v.string().notNull().unique()
   */
  unique(name?: string): ColumnBuilder<C> {
    return derive(this, "unique", { unique: name ?? true });
  }

  /**
   * Single-column index; the name defaults to `<table>_<column>_idx`.
   * @example v.date().index()
   */
  index(name?: string): ColumnBuilder<C> {
    return derive(this, "index", { index: name ?? true });
  }

  /**
   * SQL DEFAULT, written into the migration. The column becomes non-null in `Row` and optional in `Insert`.
   * @example v.boolean().notNull().default(false)
   */
  default(value: C["data"]): ColumnBuilder<WithConfig<C, { hasDefault: true }>> {
    return derive(this, "default", { hasSqlDefault: true, sqlDefault: value });
  }

  /**
   * Runtime default, computed by `ctx.db.insert` for each row that leaves the field out.
   * @example v.string().notNull().defaultFn(() => nanoid())
   */
  defaultFn(fn: () => C["data"]): ColumnBuilder<WithConfig<C, { hasDefault: true }>> {
    return derive(this, "defaultFn", { defaultFn: fn, defaultNow: false });
  }

  /**
   * Runtime default `new Date()` (date columns only).
   * @example createdAt: v.date().notNull().defaultNow()
   */
  defaultNow(
    this: ColumnBuilder<C & { readonly type: "date" }>,
  ): ColumnBuilder<WithConfig<C, { hasDefault: true }>> {
    return derive(this, "defaultNow", { defaultFn: () => new Date(), defaultNow: true });
  }

  /**
   * Foreign key to `table.column` (column defaults to `id`). Prefer `v.one(...)`, which also declares the
   * relation; use this for a bare FK.
   * @example ownerId: v.string().references("users", "id", { onDelete: "cascade" })
   */
  references(table: string, column = "id", actions: ReferenceActions = {}): ColumnBuilder<C> {
    return derive(this, "references", { references: { table, column, ...actions } });
  }

  /**
   * Overrides the SQL column name (snake_case of the field name by default).
   * @example v.string().sql("legacy_title")
   */
  sql(name: string): ColumnBuilder<C> {
    return derive(this, "sql", { sqlName: name });
  }
}

function derive<Next extends ColumnConfig>(
  builder: ColumnBuilder<ColumnConfig>,
  modifier: string,
  patch: Partial<ColumnState>,
): ColumnBuilder<Next> {
  const state = builder["~state"];
  return new ColumnBuilder<Next>({ ...state, ...patch, modifiers: [...state.modifiers, modifier] });
}

/** Any column builder, whatever its config. */
export type AnyColumnBuilder = ColumnBuilder<ColumnConfig>;

/** Starts a builder of the given storage type; used by the `v.*` factories. */
export function createColumn<C extends ColumnConfig>(
  type: ColumnType,
  extra: Partial<ColumnState> = {},
): ColumnBuilder<C> {
  return new ColumnBuilder<C>({
    type,
    notNull: false,
    nullable: false,
    primaryKey: false,
    autoIncrement: false,
    unique: false,
    index: false,
    hasSqlDefault: false,
    modifiers: [],
    ...extra,
  });
}

/**
 * `true` for any value made by a `v.*` column factory.
 * @example isColumnBuilder(v.string()); // true
 */
export function isColumnBuilder(value: unknown): value is AnyColumnBuilder {
  // Structural rather than `instanceof`, so two copies of the package still recognise each other.
  return (
    typeof value === "object" && value !== null && (value as { "~kind"?: unknown })["~kind"] === "column"
  );
}
