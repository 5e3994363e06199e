import type { ColumnModel } from "@appflare/schema";
import type { TsRow } from "../codec";
import { parseStoredJson } from "../codec";
import type { SqlRow } from "../D1Executor";
import { aggregateKey, columnKey, relationKey } from "./compileLevel";
import { keyValue, type ReadCollector } from "./ReadCollector";
import { type AggregatePlan, type LevelPlan, type RelationPlan, selectedColumns } from "./ReadPlan";

type Decode = (value: unknown) => unknown;

/** A level's decoder, built once per read and applied to every row of that level. */
interface LevelDecoder {
  decode(raw: Record<string, unknown>, collector: ReadCollector): TsRow;
}

/**
 * Decodes the result rows of a top-level read (`compileTopLevel`) into TS rows keyed by field name,
 * with `with` relations nested (object or null for `one`, arrays otherwise) and aggregates on
 * `<relation>Aggregate`. Hidden columns (keys needed for read records) are dropped; the keys seen
 * go to `collector`. Decoders are built once per level, so the per-row work is a few array walks.
 *
 * @example
 * const rows = decodeRows(plan, await executor.all(statement), new ReadCollector());
 */
export function decodeRows(level: LevelPlan, rows: readonly SqlRow[], collector: ReadCollector): TsRow[] {
  const decoder = levelDecoder(level, false);
  return rows.map((row) => decoder.decode(row, collector));
}

function levelDecoder(level: LevelPlan, nested: boolean): LevelDecoder {
  const columns = selectedColumns(level);
  const keys = columns.map((_, i) => columnKey(i));
  const decoders = columns.map((column) => columnDecoder(column, nested));
  const returned = level.columns.length;
  const relations = level.relations.map((plan, i) => relationDecoder(plan, columns, i));
  return {
    decode(raw, collector) {
      const out: TsRow = {};
      const values: unknown[] = new Array(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const value = decoders[i]!(raw[keys[i]!]);
        values[i] = value;
        if (i < returned) out[columns[i]!.name] = value;
      }
      for (const relation of relations) relation(raw, values, out, collector);
      return out;
    },
  };
}

type RelationDecoder = (
  raw: Record<string, unknown>,
  values: unknown[],
  out: TsRow,
  collector: ReadCollector,
) => void;

function relationDecoder(
  plan: RelationPlan,
  parentColumns: readonly ColumnModel[],
  index: number,
): RelationDecoder {
  const parentKeyIndex = parentColumns.findIndex((c) => c.name === plan.relation.sourceField);
  const rowsKey = relationKey(index);
  const aggregatesKey = aggregateKey(index);
  const aggregateName = `${plan.name}Aggregate`;
  const rows = plan.rows === undefined ? undefined : levelDecoder(plan.rows, true);
  const targetColumns = plan.rows === undefined ? [] : selectedColumns(plan.rows);
  const targetKeyIndex =
    plan.relation.kind === "manyToMany"
      ? targetColumns.findIndex((c) => c.name === plan.relation.targetField)
      : -1;
  const targetKey = targetKeyIndex >= 0 ? columnKey(targetKeyIndex) : undefined;
  const targetDecode = targetKeyIndex >= 0 ? columnDecoder(targetColumns[targetKeyIndex]!, true) : undefined;
  return (raw, values, out, collector) => {
    const seen = collector.seen(plan);
    const parentKey = keyValue(values[parentKeyIndex]);
    if (parentKey !== undefined) seen.parentKeys.add(parentKey);
    if (rows !== undefined) {
      const value = parse(raw[rowsKey]);
      if (plan.relation.kind === "one") {
        out[plan.name] = isObject(value) ? rows.decode(value, collector) : null;
      } else {
        const items = Array.isArray(value) ? value : [];
        if (items.length >= plan.rows!.limit || plan.rows!.offset > 0) seen.truncated = true;
        const decoded: TsRow[] = [];
        for (const item of items) {
          if (!isObject(item)) continue;
          if (targetKey !== undefined) {
            const key = keyValue(targetDecode!(item[targetKey]));
            if (key !== undefined) seen.loadedKeys.add(key);
          }
          decoded.push(rows.decode(item, collector));
        }
        out[plan.name] = decoded;
      }
    }
    if (plan.aggregates !== undefined)
      out[aggregateName] = decodeAggregates(plan.aggregates, parse(raw[aggregatesKey]));
  };
}

/**
 * How one column's value is decoded: 0/1 → boolean, epoch ms → Date, JSON text → value (top level
 * only: inside a JSON sub-select a JSON column is already a JSON value and must not be parsed again).
 */
function columnDecoder(column: ColumnModel, nested: boolean): Decode {
  switch (column.type) {
    case "boolean":
      return (v) => (v === null || v === undefined ? null : v === 1 || v === true || v === "1");
    case "date":
      return (v) => (v === null || v === undefined ? null : new Date(typeof v === "number" ? v : Number(v)));
    case "json":
    case "enumArray":
      return nested
        ? (v) => (v === undefined ? null : v)
        : (v) =>
            v === null || v === undefined ? null : typeof v === "string" ? parseStoredJson(column, v) : v;
    default:
      return (v) => (v === undefined ? null : v);
  }
}

/**
 * Relation and aggregate values arrive as JSON text at the top level and already parsed when nested.
 * A nested value that is still text (an engine that drops the JSON subtype across sub-selects) is
 * parsed too, so nesting never depends on that detail.
 */
function parse(value: unknown): unknown {
  if (typeof value === "string") return JSON.parse(value);
  return value ?? null;
}

function decodeAggregates(aggregates: AggregatePlan, value: unknown): TsRow {
  const source = isObject(value) ? value : {};
  const out: TsRow = {};
  if (aggregates.count) out.count = typeof source.count === "number" ? source.count : 0;
  const group = (name: "avg" | "sum" | "min" | "max", decode: boolean) => {
    const columns = aggregates[name];
    if (columns.length === 0) return;
    const values = isObject(source[name]) ? source[name] : {};
    const decoded: TsRow = {};
    for (const column of columns) {
      const v = values[column.name] ?? null;
      decoded[column.name] = decode ? columnDecoder(column, true)(v) : v;
    }
    out[name] = decoded;
  };
  group("avg", false);
  group("sum", false);
  group("min", true);
  group("max", true);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
