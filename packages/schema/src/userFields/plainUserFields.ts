import type { UserField, UserFields } from "./UserField";
import { userFieldColumns } from "./userFieldColumns";

/**
 * `auth.options.user.additionalFields` reduced to what decides the `users` columns, as plain data a
 * thread can receive and codegen can print: `type`, `required`, a literal `defaultValue` (a `Date`
 * becomes its ISO string), `fieldName`, `unique`, `index`, `bigint`. A function `defaultValue` is
 * dropped: it has no SQL default and does not change nullability, so the columns are the same.
 * Validates every field first (throws `UserFieldError`).
 *
 * @example
 * plainUserFields({ plan: { type: "string", defaultValue: "free", input: false } });
 * // { plan: { type: "string", defaultValue: "free" } }
 */
export function plainUserFields(fields: UserFields | undefined): UserFields {
  if (fields === undefined) return {};
  userFieldColumns(fields);
  const plain: Record<string, UserField> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = field.defaultValue;
    const literal = value !== undefined && value !== null && typeof value !== "function";
    plain[key] = {
      type: Array.isArray(field.type) ? [...field.type] : field.type,
      ...(field.required === undefined ? {} : { required: field.required }),
      ...(literal ? { defaultValue: value instanceof Date ? value.toISOString() : clone(value) } : {}),
      ...(field.fieldName === undefined ? {} : { fieldName: field.fieldName }),
      ...(field.unique === undefined ? {} : { unique: field.unique }),
      ...(field.index === undefined ? {} : { index: field.index }),
      ...(field.bigint === undefined ? {} : { bigint: field.bigint }),
    };
  }
  return plain;
}

/** Arrays and objects by JSON round trip (they were checked to be JSON). */
const clone = (value: unknown): unknown =>
  typeof value === "object" ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
