import type { BaseConfig, ColumnBuilder, WithConfig } from "../builders/ColumnBuilder";
import type { ColumnType } from "../model";
import type { UserField, UserFields } from "./UserField";

/** Column type and TS value of a Better Auth field type, as `withUserFields` stores it. */
type ColumnOf<T> = T extends "string"
  ? ["string", string]
  : T extends "number"
    ? ["real", number]
    : T extends "boolean"
      ? ["boolean", boolean]
      : T extends "date"
        ? ["date", Date]
        : T extends "string[]"
          ? ["json", string[]]
          : T extends "number[]"
            ? ["json", number[]]
            : T extends readonly (infer V extends string)[]
              ? ["enum", V]
              : ["json", unknown];

/** NOT NULL only when required (the default) and the default is a literal, as at run time. */
type NotNullOf<F extends UserField> = F["required"] extends false
  ? false
  : F extends { readonly defaultValue: infer D }
    ? D extends (...args: never[]) => unknown
      ? false
      : [D] extends [undefined]
        ? false
        : true
    : false;

type ConfigOfField<F extends UserField> = WithConfig<
  BaseConfig<ColumnOf<F["type"]>[0] & ColumnType, ColumnOf<F["type"]>[1]>,
  {
    notNull: NotNullOf<F>;
    hasDefault: F extends { readonly defaultValue: infer D }
      ? [D] extends [undefined]
        ? false
        : true
      : false;
  }
>;

type PropertyOf<K, F extends UserField> = F["fieldName"] extends string ? F["fieldName"] : K;

/**
 * The column builders `withUserFields` adds to `users`, at the type level: one per field, under its
 * `fieldName ?? key`, typed like the runtime column (enum for a list of strings, `Date` for dates,
 * nullable unless required with a literal default). `Row<S, "users">` and `ctx.db.users` pick them up.
 *
 * @example
 * type Extra = UserFieldShape<{ plan: { type: "string"; defaultValue: "free" } }>;
 * // { plan: ColumnBuilder<{ type: "string"; data: string; notNull: true; hasDefault: true; ... }> }
 */
export type UserFieldShape<F extends UserFields> = {
  readonly [K in keyof F & string as PropertyOf<K, F[K]>]: ColumnBuilder<ConfigOfField<F[K]>>;
};
