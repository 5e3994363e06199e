import type { ColumnModel, TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { refusePrivateField } from "../where/refusePrivateField";
import { invalidQuery } from "../where/toInvalidQuery";
import type { AggregatePlan } from "./ReadPlan";

const NUMERIC = new Set(["int", "real"]);
const JSON_TYPES = new Set(["json", "enumArray"]);

/**
 * Resolves `_count`, `_avg`, `_sum`, `_min`, `_max` of a `with` entry (or a `groupBy`): `_count: true`,
 * the others `{ field: true }`. Averages and sums need numeric columns; min/max take any non-JSON
 * column and keep its type (dates stay dates).
 *
 * @example
 * planAggregates(tasks, new Map([["_avg", { estimateHours: true }]]), "with.tasks");
 */
export function planAggregates(
  table: TableModel,
  args: ReadonlyMap<string, unknown>,
  label: string,
): AggregatePlan {
  const count = args.get("_count");
  if (count !== undefined && typeof count !== "boolean") {
    invalidQuery(`_count of ${label} must be true, got ${describeValue(count)}`);
  }
  return {
    count: count === true,
    avg: aggregateColumns(table, args.get("_avg"), "_avg", label, true),
    sum: aggregateColumns(table, args.get("_sum"), "_sum", label, true),
    min: aggregateColumns(table, args.get("_min"), "_min", label, false),
    max: aggregateColumns(table, args.get("_max"), "_max", label, false),
  };
}

/**
 * The columns of one `{ field: true }` aggregate selection, in declaration order.
 * `numeric` restricts them to int/real columns (avg, sum).
 */
export function aggregateColumns(
  table: TableModel,
  value: unknown,
  name: string,
  label: string,
  numeric: boolean,
): ColumnModel[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) {
    invalidQuery(`${name} of ${label} must be an object like { field: true }, got ${describeValue(value)}`);
  }
  const allowed = Object.values(table.columns).filter((c) =>
    numeric ? NUMERIC.has(c.type) : !JSON_TYPES.has(c.type),
  );
  const chosen = new Set<string>();
  for (const field of Object.keys(value)) {
    const column = Object.hasOwn(table.columns, field) ? table.columns[field] : undefined;
    if (column === undefined || !allowed.includes(column)) {
      refusePrivateField(table, field, `${name} of ${label}`);
      const kind = numeric ? "numeric (int or real) " : "non-JSON ";
      invalidQuery(
        `${name}.${field} of ${label}: "${field}" is not a ${kind}column of table "${table.name}"`,
        `Columns: ${allowed.map((c) => c.name).join(", ") || "(none)"}.`,
      );
    }
    if (value[field] !== true) {
      invalidQuery(`${name}.${field} of ${label} must be true, got ${describeValue(value[field])}`);
    }
    chosen.add(field);
  }
  return allowed.filter((c) => chosen.has(c.name));
}
