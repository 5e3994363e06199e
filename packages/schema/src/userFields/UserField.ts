/**
 * Column-relevant part of a Better Auth `user.additionalFields` entry (`DBFieldAttribute`). Better
 * Auth's own objects are accepted as they are: attributes that do not shape the column (`input`,
 * `transform`, `validator`, `onUpdate`, `sortable`) are ignored.
 */

/** Better Auth field types; a list of strings is an enum (stored as TEXT). */
export type UserFieldType =
  | "string"
  | "number"
  | "boolean"
  | "date"
  | "json"
  | "string[]"
  | "number[]"
  | readonly string[];

/** One additional user field, as written in `auth.options.user.additionalFields`. */
export interface UserField {
  readonly type: UserFieldType;
  /**
   * Better Auth's "required on a new record" (default `true`, enforced by Better Auth at input). The
   * column is NOT NULL only when the field is required AND has a literal `defaultValue`.
   */
  readonly required?: boolean | undefined;
  /** A literal becomes the SQL DEFAULT; a function is a runtime default (no SQL default). */
  readonly defaultValue?: unknown;
  /** Property name of the column (default: the field's key); its SQL name is the snake_case of it. */
  readonly fieldName?: string | undefined;
  readonly unique?: boolean | undefined;
  readonly index?: boolean | undefined;
  /** `type: "number"` as INTEGER instead of REAL. */
  readonly bigint?: boolean | undefined;
  /** Not supported: model relations with a table of your own that has `v.one("users")`. */
  readonly references?: unknown;
  /**
   * Better Auth's `returned: false`: the field is never in a user it returns. `ctx.db` hides it too
   * (not readable, filterable, aggregatable or writable, like the private built-in columns).
   */
  readonly returned?: boolean | undefined;
}

/** `auth.options.user.additionalFields`: fields by key. */
export type UserFields = Readonly<Record<string, UserField>>;
