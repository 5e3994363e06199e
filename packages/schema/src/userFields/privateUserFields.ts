import type { SchemaModel } from "../model";
import type { UserFields } from "./UserField";

/** Model made by `withUserFields` → property names of its `returned: false` fields. */
const registry = new WeakMap<SchemaModel, ReadonlySet<string>>();

/**
 * Records which additional user fields of `model` Better Auth never returns (`returned: false`), by
 * property name (`fieldName ?? key`), for `dataModel` to hide them from `ctx.db`.
 *
 * @example registerPrivateUserFields(model, { secret: { type: "string", returned: false } });
 */
export function registerPrivateUserFields(model: SchemaModel, fields: UserFields): void {
  const names = Object.entries(fields)
    .filter(([, field]) => field.returned === false)
    .map(([key, field]) => field.fieldName ?? key);
  if (names.length > 0) registry.set(model, new Set(names));
}

/**
 * The `users` columns of `model` that are additional fields with `returned: false` (empty if none).
 * @example privateUserFieldsOf(withUserFields(schema, fields).model).has("secret") // true
 */
export function privateUserFieldsOf(model: SchemaModel): ReadonlySet<string> {
  return registry.get(model) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
