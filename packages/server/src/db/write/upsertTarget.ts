import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "../../errors/AppflareError";
import { refusePrivateField } from "../where/refusePrivateField";

/**
 * The conflict target of an upsert as field names: `target` (a field or fields), by default the
 * primary key (both keys of a junction table). It must be exactly the primary key or a unique
 * constraint — that is what `ON CONFLICT (…)` requires — so a wrong target is a 400 naming the fix
 * instead of a SQLite error.
 */
export function upsertTarget(table: TableModel, target: unknown): string[] {
  const fields =
    target === undefined
      ? [...(table.compositeKey ?? [table.primaryKey])]
      : typeof target === "string"
        ? [target]
        : Array.isArray(target) && target.length > 0 && target.every((t) => typeof t === "string")
          ? [...new Set(target as string[])]
          : undefined;
  if (fields === undefined) {
    throw new InvalidQueryError(
      `upsert on "${table.name}": target must be a field name or an array of field names, got ${JSON.stringify(target)}`,
    );
  }
  for (const field of fields) {
    if (!Object.hasOwn(table.columns, field)) {
      refusePrivateField(table, field, `target of upsert on "${table.name}"`);
      throw new InvalidQueryError(
        `upsert on "${table.name}": target field "${field}" is not a column. Columns: ${Object.keys(table.columns).join(", ")}`,
      );
    }
  }
  const same = (list: readonly string[]) =>
    list.length === fields.length && list.every((f) => fields.includes(f));
  const unique =
    same(table.compositeKey ?? [table.primaryKey]) ||
    (fields.length === 1 && table.columns[fields[0]!]!.unique !== false) ||
    table.indexes.some((index) => index.unique && same(index.columns));
  if (!unique) {
    const candidates = [
      table.compositeKey ? table.compositeKey.join("+") : table.primaryKey,
      ...Object.values(table.columns)
        .filter((c) => c.unique !== false)
        .map((c) => c.name),
      ...table.indexes.filter((i) => i.unique).map((i) => i.columns.join("+")),
    ];
    throw new InvalidQueryError(
      `upsert on "${table.name}": target ${fields.join("+")} is not the primary key or a unique constraint; ` +
        `use one of: ${candidates.join(", ")}`,
    );
  }
  return fields;
}
