/**
 * Turns a where into a JS predicate with SQLite's three-valued semantics. The rules, and the SQL each
 * corresponds to, are tabulated in `evaluateWhere.ts`; this file implements them.
 */
import type { TableModel } from "../model";
import { compareSqlite, jsonToSqlValue, type SqlValue, toSqlValue } from "./compareSqlite";
import { haversineMetres } from "./haversine";
import { foldAsciiCase, likeMatch } from "./likeMatch";
import type {
  NormalizedGeoWithin,
  NormalizedJsonOperators,
  NormalizedOperators,
  NormalizedScalar,
  NormalizedWhere,
} from "./NormalizedWhere";
import { normalizeWhere } from "./normalizeWhere";
import { isJsonOperator, unhandledOperator } from "./operators";
import { RelationDataNeededError } from "./RelationDataNeededError";

/** A row in the TypeScript value space, possibly carrying loaded relations under their names. */
export type WhereRow = Readonly<Record<string, unknown>>;

/** `true` (row matches), `false`, or `null` (SQL UNKNOWN: the row does not match, nor does its NOT). */
export type WherePredicate = (row: WhereRow) => boolean | null;

/** Marks a relation filter that could not be decided; it propagates like UNKNOWN but wins over it. */
class Missing {
  constructor(
    readonly table: string,
    readonly relation: string,
  ) {}
}
type Result = boolean | null | Missing;
type Node = (row: WhereRow) => Result;
type ScalarNode = (row: WhereRow) => boolean | null;
type Getter = (row: WhereRow) => SqlValue | null;

const alwaysTrue = () => true;
const alwaysFalse = () => false;

/**
 * Validates and normalizes `where` once, and returns a predicate to run on many rows — what the
 * realtime matcher keeps per subscription. The predicate throws `RelationDataNeededError` when a
 * relation filter must be decided and the row lacks that relation's data.
 *
 * @example
 * const isOpen = compileWhere(tasks, { done: false, priority: { gte: 2 } });
 * isOpen({ id: 1, done: false, priority: 3 }); // true
 * isOpen({ id: 2, done: false, priority: null }); // null (UNKNOWN)
 */
export function compileWhere(table: TableModel, where: unknown): WherePredicate {
  const node = compileObject(table, normalizeWhere(table, where));
  return (row) => {
    const result = node(row);
    if (result instanceof Missing) throw new RelationDataNeededError(result.table, result.relation);
    return result;
  };
}

function compileObject(table: TableModel, where: NormalizedWhere): Node {
  const nodes: Node[] = [];
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (key === "and") nodes.push(allOf((value as NormalizedWhere[]).map((w) => compileObject(table, w))));
    else if (key === "or")
      nodes.push(anyOf((value as NormalizedWhere[]).map((w) => compileObject(table, w))));
    else if (key === "not") nodes.push(negate(compileObject(table, value as NormalizedWhere)));
    else if (key === "geoWithin") nodes.push(compileGeo(value as NormalizedGeoWithin));
    else if (Object.hasOwn(table.columns, key)) {
      const type = table.columns[key]!.type;
      nodes.push(
        type === "json" || type === "enumArray"
          ? compileJson(key, value as NormalizedJsonOperators)
          : compileScalar(
              type === "date" ? dateColumnGetter(key) : columnGetter(key),
              value as NormalizedOperators,
            ),
      );
    } else nodes.push(compileRelation(table, key, value as NormalizedWhere));
  }
  return nodes.length === 1 ? nodes[0]! : allOf(nodes);
}

/** SQL AND: FALSE wins, then a missing relation, then UNKNOWN. Empty → TRUE. */
function allOf(nodes: ScalarNode[]): ScalarNode;
function allOf(nodes: Node[]): Node;
function allOf(nodes: Node[]): Node {
  if (nodes.length === 0) return alwaysTrue;
  return (row) => {
    let unknown = false;
    let missing: Missing | undefined;
    for (const node of nodes) {
      const result = node(row);
      if (result === false) return false;
      if (result === null) unknown = true;
      else if (result !== true) missing ??= result;
    }
    return missing ?? (unknown ? null : true);
  };
}

/** SQL OR: TRUE wins, then a missing relation, then UNKNOWN. Empty → FALSE. */
function anyOf(nodes: Node[]): Node {
  if (nodes.length === 0) return alwaysFalse;
  return (row) => {
    let unknown = false;
    let missing: Missing | undefined;
    for (const node of nodes) {
      const result = node(row);
      if (result === true) return true;
      if (result === null) unknown = true;
      else if (result !== false) missing ??= result;
    }
    return missing ?? (unknown ? null : false);
  };
}

function negate(node: Node): Node {
  return (row) => {
    const result = node(row);
    return result === true ? false : result === false ? true : result;
  };
}

function columnGetter(name: string): Getter {
  return (row) => (Object.hasOwn(row, name) ? toSqlValue(row[name]) : null);
}

/** A row that went through JSON carries its dates as ISO text; the column itself holds epoch ms. */
function dateColumnGetter(name: string): Getter {
  return (row) => {
    const value = Object.hasOwn(row, name) ? row[name] : null;
    if (typeof value !== "string") return toSqlValue(value);
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : ms;
  };
}

function jsonFieldGetter(name: string): Getter {
  return (element) => (Object.hasOwn(element, name) ? jsonToSqlValue(element[name]) : null);
}

function compileScalar(get: Getter, ops: NormalizedOperators): ScalarNode {
  const insensitive = ops.mode === "insensitive";
  const nodes: ScalarNode[] = [];
  for (const op of Object.keys(ops) as Array<keyof NormalizedOperators>) {
    switch (op) {
      case "eq":
      case "ne": {
        const operand = ops[op];
        if (operand === null || operand === undefined) {
          nodes.push(op === "eq" ? (row) => get(row) === null : (row) => get(row) !== null);
        } else {
          nodes.push(comparison(get, operand, op === "eq" ? (c) => c === 0 : (c) => c !== 0));
        }
        break;
      }
      case "gt":
        nodes.push(comparison(get, ops.gt!, (c) => c > 0));
        break;
      case "gte":
        nodes.push(comparison(get, ops.gte!, (c) => c >= 0));
        break;
      case "lt":
        nodes.push(comparison(get, ops.lt!, (c) => c < 0));
        break;
      case "lte":
        nodes.push(comparison(get, ops.lte!, (c) => c <= 0));
        break;
      case "in":
      case "nin": {
        const list = ops[op]!;
        const negated = op === "nin";
        if (list.length === 0) {
          nodes.push(negated ? alwaysTrue : alwaysFalse);
          break;
        }
        // Set membership (SameValueZero) is exactly SQL equality on SqlValues: 1 = 1.0, -0 = 0, 1 ≠ "1".
        const set = new Set(list.map(toSqlValue));
        nodes.push((row) => {
          const value = get(row);
          return value === null ? null : set.has(value) !== negated;
        });
        break;
      }
      case "exists":
        nodes.push(ops.exists ? (row) => get(row) !== null : (row) => get(row) === null);
        break;
      case "contains":
      case "startsWith":
      case "endsWith": {
        const pattern = insensitive ? foldAsciiCase(ops[op]!) : ops[op]!;
        nodes.push((row) => {
          const value = get(row);
          if (value === null) return null;
          if (typeof value !== "string") return false;
          return likeMatch(op, insensitive ? foldAsciiCase(value) : value, pattern, false);
        });
        break;
      }
      default:
        // "mode" only modifies the substring operators above.
        break;
    }
  }
  return allOf(nodes);
}

function comparison(get: Getter, operand: NormalizedScalar, test: (c: number) => boolean): ScalarNode {
  const right = toSqlValue(operand) as SqlValue;
  return (row) => {
    const left = get(row);
    return left === null ? null : test(compareSqlite(left, right));
  };
}

function compileJson(name: string, ops: NormalizedJsonOperators): ScalarNode {
  const raw = (row: WhereRow): unknown => (Object.hasOwn(row, name) ? row[name] : undefined);
  // A NULL column makes every array operator UNKNOWN; a non-array JSON value counts as [].
  const elementsOf = (row: WhereRow): readonly unknown[] | null => {
    const value = raw(row);
    if (value === null || value === undefined) return null;
    return Array.isArray(value) ? value : [];
  };
  const nodes: ScalarNode[] = [];
  const elementFields: string[] = [];
  for (const key of Object.keys(ops)) {
    if (!isJsonOperator(key)) {
      elementFields.push(key);
      continue;
    }
    switch (key) {
      case "eq":
        nodes.push((row) => raw(row) == null);
        break;
      case "ne":
        nodes.push((row) => raw(row) != null);
        break;
      case "exists":
        nodes.push(ops.exists ? (row) => raw(row) != null : (row) => raw(row) == null);
        break;
      case "length":
        nodes.push(compileScalar((row) => elementsOf(row)?.length ?? null, ops.length!));
        break;
      case "includes":
      case "includesAny":
        nodes.push(includesNode(elementsOf, ops[key]!, key === "includes"));
        break;
      default:
        unhandledOperator(key);
    }
  }
  if (elementFields.length > 0) {
    const matches = allOf(
      elementFields.map((field) => compileScalar(jsonFieldGetter(field), ops[field] as NormalizedOperators)),
    );
    nodes.push((row) => {
      const elements = elementsOf(row);
      if (elements === null) return null;
      return elements.some((element) => isObjectElement(element) && matches(element) === true);
    });
  }
  return allOf(nodes);
}

/** `includes` (all of `operand`) or `includesAny` (one of it) over the column's elements. */
function includesNode(
  elementsOf: (row: WhereRow) => readonly unknown[] | null,
  operand: readonly NormalizedScalar[],
  all: boolean,
): ScalarNode {
  const wanted = operand.map(toSqlValue) as SqlValue[];
  if (wanted.length === 0) return all ? alwaysTrue : alwaysFalse;
  return (row) => {
    const elements = elementsOf(row);
    if (elements === null) return null;
    const present = new Set(elements.map(jsonToSqlValue));
    return all ? wanted.every((v) => present.has(v)) : wanted.some((v) => present.has(v));
  };
}

function isObjectElement(value: unknown): value is WhereRow {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function compileRelation(table: TableModel, name: string, where: NormalizedWhere): Node {
  const relation = table.relations[name]!;
  const inner = compileObject(table.schema.tables[relation.target]!, where);
  const missing = new Missing(table.name, name);
  // EXISTS is never UNKNOWN: a related row counts only when the inner where is TRUE for it.
  const test = (related: unknown): Result => {
    if (!isObjectElement(related)) return missing;
    const result = inner(related);
    return result instanceof Missing ? result : result === true;
  };
  if (relation.kind === "one") {
    return (row) => {
      if (!Object.hasOwn(row, name)) return missing;
      const related = row[name];
      return related === null ? false : test(related);
    };
  }
  return (row) => {
    const related = Object.hasOwn(row, name) ? row[name] : undefined;
    if (!Array.isArray(related)) return missing;
    let undecided: Missing | undefined;
    for (const item of related) {
      const result = test(item);
      if (result === true) return true;
      if (result instanceof Missing) undecided ??= result;
    }
    return undecided ?? false;
  };
}

function compileGeo(geo: NormalizedGeoWithin): ScalarNode {
  const latitude = columnGetter(geo.latitudeField);
  const longitude = columnGetter(geo.longitudeField);
  const { $geometry: point, minDistance: min, maxDistance: max } = geo;
  return (row) => {
    const lat = latitude(row);
    const lng = longitude(row);
    if (typeof lat !== "number" || typeof lng !== "number") return null;
    const distance = haversineMetres(lat, lng, point.latitude, point.longitude);
    return (min === undefined || distance >= min) && (max === undefined || distance <= max);
  };
}
