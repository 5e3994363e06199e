import fc from "fast-check";
import { JSON_OPERATORS, type JsonOperator } from "../src/filter/operators";
import type { ColumnModel, JsonShape, TableModel } from "../src/model";
import { ANY_FIELD_POOL, DATE_POOL, INT_POOL, PATTERN_POOL, REAL_POOL, STRING_POOL } from "./valuePools";

export interface WhereArbitraryOptions {
  /** Levels of and/or/not/relation nesting. Default 2. */
  depth?: number;
  /** Include relation filters. Default true. */
  relations?: boolean;
  /** Use un-normalized spellings ($ aliases, regex/options, bare values, Date/ISO operands). Default true. */
  aliases?: boolean;
  /** Columns for geoWithin; default: `lat`/`lng` when the table has numeric columns of those names. */
  geo?: { latitudeField: string; longitudeField: string } | false;
}

type Entry = [key: string, value: unknown];

/** Valid wheres on `table` (normalizeWhere accepts every one), at most 3 keys per object. */
export function whereArbitrary(
  table: TableModel,
  options: WhereArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const settings = { depth: 2, relations: true, aliases: true, ...options };
  return whereAt(table, settings.depth, settings);
}

function whereAt(
  table: TableModel,
  depth: number,
  options: Required<Omit<WhereArbitraryOptions, "geo">> & WhereArbitraryOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const entries: Array<fc.Arbitrary<Entry>> = [columnEntry(table, options.aliases)];
  if (depth > 0) {
    const sub = () => whereAt(table, depth - 1, options);
    const name = (bare: string) => (options.aliases ? fc.constantFrom(bare, `$${bare}`) : fc.constant(bare));
    entries.push(
      fc.tuple(name("and"), fc.array(sub(), { maxLength: 3 })),
      fc.tuple(name("or"), fc.array(sub(), { maxLength: 3 })),
      fc.tuple(name("not"), sub()),
    );
    const relations = Object.values(table.relations);
    if (options.relations && relations.length > 0) {
      entries.push(
        fc
          .constantFrom(...relations)
          .chain((relation) =>
            whereAt(table.schema.tables[relation.target]!, depth - 1, options).map(
              (w): Entry => [relation.name, w],
            ),
          ),
      );
    }
  }
  const geo = geoFields(table, options.geo);
  if (geo) entries.push(geoEntry(geo, options.aliases));
  const nonEmpty = fc
    .uniqueArray(fc.oneof(...entries), {
      minLength: 1,
      maxLength: 3,
      selector: ([key]) => key.replace(/^\$/, ""),
    })
    .map((list) => Object.fromEntries(list));
  return fc.oneof({ weight: 9, arbitrary: nonEmpty }, { weight: 1, arbitrary: fc.constant({}) });
}

function geoFields(table: TableModel, option: WhereArbitraryOptions["geo"]) {
  if (option === false) return undefined;
  if (option) return option;
  const numeric = (name: string) => {
    const type = table.columns[name]?.type;
    return type === "int" || type === "real";
  };
  return numeric("lat") && numeric("lng") ? { latitudeField: "lat", longitudeField: "lng" } : undefined;
}

function geoEntry(
  fields: { latitudeField: string; longitudeField: string },
  aliases: boolean,
): fc.Arbitrary<Entry> {
  const degrees = fc.constantFrom(...REAL_POOL);
  const distance = fc.constantFrom(0, 50_000, 150_000, 300_000, 20_000_000);
  return fc
    .tuple(
      aliases ? fc.constantFrom("geoWithin", "$geoWithin") : fc.constant("geoWithin"),
      degrees,
      degrees,
      distance,
      distance,
      fc.constantFrom("min", "max", "both"),
    )
    .map(([key, latitude, longitude, a, b, which]): Entry => {
      const [min, max] = a <= b ? [a, b] : [b, a];
      return [
        key,
        {
          $geometry: { latitude, longitude },
          ...fields,
          ...(which !== "max" ? { minDistance: min } : {}),
          ...(which !== "min" ? { maxDistance: max } : {}),
        },
      ];
    });
}

type OperandKind =
  | { kind: "number"; pool: readonly number[] }
  | { kind: "string" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "boolean" }
  | { kind: "date" }
  | { kind: "any" }
  | { kind: "container" };

function columnEntry(table: TableModel, aliases: boolean): fc.Arbitrary<Entry> {
  return fc.constantFrom(...Object.values(table.columns)).chain((column): fc.Arbitrary<Entry> => {
    const condition =
      column.type === "json" || column.type === "enumArray"
        ? jsonCondition(column, aliases)
        : scalarCondition(columnKind(column), aliases);
    return condition.map((value): Entry => [column.name, value]);
  });
}

function columnKind(column: ColumnModel): OperandKind {
  switch (column.type) {
    case "int":
      return { kind: "number", pool: INT_POOL };
    case "real":
      return { kind: "number", pool: [...REAL_POOL, ...INT_POOL] };
    case "string":
    case "uuid":
      return { kind: "string" };
    case "enum":
      return { kind: "enum", values: column.enumValues ?? [] };
    case "boolean":
      return { kind: "boolean" };
    case "date":
      return { kind: "date" };
    default:
      return { kind: "container" };
  }
}

function shapeKind(shape: JsonShape): OperandKind {
  switch (shape.kind) {
    case "int":
      return { kind: "number", pool: INT_POOL };
    case "real":
      return { kind: "number", pool: REAL_POOL };
    case "string":
      return { kind: "string" };
    case "enum":
      return { kind: "enum", values: shape.values };
    case "boolean":
      return { kind: "boolean" };
    case "date":
      return { kind: "date" };
    case "any":
      return { kind: "any" };
    default:
      return { kind: "container" };
  }
}

function operand(kind: OperandKind, aliases: boolean): fc.Arbitrary<unknown> {
  switch (kind.kind) {
    case "number":
      return fc.constantFrom(...kind.pool);
    case "string":
      return fc.constantFrom(...STRING_POOL);
    case "enum":
      return fc.constantFrom(...kind.values);
    case "boolean":
      return fc.boolean();
    case "date": {
      const ms = fc.constantFrom(...DATE_POOL);
      if (!aliases) return ms;
      return ms.chain((v) => fc.constantFrom<unknown>(v, new Date(v), new Date(v).toISOString()));
    }
    case "any":
      return fc.oneof(fc.constantFrom("a", "A", "1", "", "é"), fc.constantFrom(0, 1, 2, 1.5), fc.boolean());
    case "container":
      return fc.constant(null);
  }
}

const ORDERED_OPS = ["eq", "ne", "in", "nin", "gt", "gte", "lt", "lte", "exists"];
const LIKE_OPS = ["contains", "startsWith", "endsWith"];

/** A condition on a scalar field: null, a bare value, or an operator object of 1–2 operators. */
function scalarCondition(kind: OperandKind, aliases: boolean): fc.Arbitrary<unknown> {
  const value = operand(kind, aliases);
  if (kind.kind === "container") {
    return fc.oneof(
      fc.constant(null),
      fc.constantFrom({ exists: true }, { exists: false }, { eq: null }, { ne: null }),
    );
  }
  const textual = kind.kind === "string" || kind.kind === "enum" || kind.kind === "any";
  const names = textual ? [...ORDERED_OPS, ...LIKE_OPS] : ORDERED_OPS;
  const ops = fc.shuffledSubarray(names, { minLength: 1, maxLength: 2 }).chain((chosen) => {
    const parts = chosen.map((name) => opEntry(name, kind, value, aliases));
    return fc.tuple(
      ...parts,
      modeEntry(
        chosen.some((n) => LIKE_OPS.includes(n)),
        aliases,
      ),
    );
  });
  const object = ops.map((parts) => Object.fromEntries(parts.filter((p): p is Entry => p !== undefined)));
  const choices: Array<fc.Arbitrary<unknown>> = [object, fc.constant(null)];
  if (aliases) choices.push(value);
  return fc.oneof({ weight: 4, arbitrary: choices[0]! }, ...choices.slice(1));
}

function opEntry(
  name: string,
  kind: OperandKind,
  value: fc.Arbitrary<unknown>,
  aliases: boolean,
): fc.Arbitrary<Entry> {
  const key = aliases
    ? fc.constantFrom(name, `$${name}`, ...(name === "contains" ? ["regex", "$regex"] : []))
    : fc.constant(name);
  let operandArb: fc.Arbitrary<unknown>;
  switch (name) {
    case "eq":
    case "ne":
      operandArb = fc.option(value, { nil: null, freq: 5 });
      break;
    case "in":
    case "nin":
      operandArb = fc.array(value, { maxLength: 3 });
      break;
    case "exists":
      operandArb = fc.boolean();
      break;
    case "contains":
    case "startsWith":
    case "endsWith":
      operandArb =
        kind.kind === "enum"
          ? fc.constantFrom("", "o", "d", "t", "O", ...kind.values)
          : fc.constantFrom(...PATTERN_POOL);
      break;
    default:
      operandArb = value;
  }
  return fc.tuple(key, operandArb);
}

function modeEntry(hasLike: boolean, aliases: boolean): fc.Arbitrary<Entry | undefined> {
  if (!hasLike) return fc.constant(undefined);
  const entries: Entry[] = [["mode", "insensitive"]];
  if (aliases)
    entries.push(
      ["$mode", "insensitive"],
      ["options", "i"],
      ["$options", "i"],
      ["mode", "default"],
      ["options", ""],
    );
  return fc.option(fc.constantFrom(...entries), { nil: undefined });
}

/** JSON operators that test the column for NULL; they are generated alone, not with element conditions. */
const NULL_CHECKS = ["eq", "ne", "exists"] as const satisfies readonly JsonOperator[];

function jsonCondition(column: ColumnModel, aliases: boolean): fc.Arbitrary<unknown> {
  const shape: JsonShape =
    column.type === "enumArray"
      ? { kind: "array", element: { kind: "enum", values: column.enumValues ?? [] } }
      : (column.json ?? { kind: "any" });
  const element = shape.kind === "array" ? shape.element : shape.kind === "any" ? shape : undefined;
  const elementKind = element === undefined ? undefined : shapeKind(element);
  const list =
    elementKind === undefined || elementKind.kind === "container"
      ? undefined
      : fc.array(operand(elementKind, aliases), { maxLength: 3 });
  // One generator per JSON operator (undefined: not for this column). Keyed by JsonOperator, so an
  // operator added to JSON_OPERATORS fails to compile here until the differential tests generate it.
  const operands: Record<JsonOperator, fc.Arbitrary<unknown> | undefined> = {
    eq: fc.constant(null),
    ne: fc.constant(null),
    exists: fc.boolean(),
    includes: list,
    includesAny: list,
    length:
      element === undefined
        ? undefined
        : fc.oneof(
            fc.constantFrom(0, 1, 2, 3),
            fc.constantFrom<unknown>({ gte: 1 }, { lt: 2 }, { in: [0, 2] }, { ne: 1 }, { nin: [] }),
          ),
  };
  const nullChecks = fc.oneof(
    fc.constant<unknown>(null),
    ...NULL_CHECKS.map((op) => operands[op]!.map((value): unknown => ({ [op]: value }))),
  );
  if (element === undefined) return nullChecks;
  const name = (bare: string) => (aliases ? fc.constantFrom(bare, `$${bare}`) : fc.constant(bare));
  const parts: Array<fc.Arbitrary<Entry>> = [];
  for (const op of JSON_OPERATORS) {
    const arbitrary = operands[op];
    if (arbitrary === undefined || NULL_CHECKS.some((check) => check === op)) continue;
    parts.push(fc.tuple(name(op), arbitrary));
  }
  const fields: Array<[string, OperandKind]> =
    element.kind === "object"
      ? Object.entries(element.shape).map(([key, field]) => [key, shapeKind(field)])
      : element.kind === "any"
        ? ANY_FIELD_POOL.map((key) => [key, { kind: "any" }])
        : [];
  for (const [key, kind] of fields) {
    parts.push(scalarCondition(kind, aliases).map((condition): Entry => [key, condition]));
  }
  const object = fc
    .uniqueArray(fc.oneof(...parts), {
      minLength: 1,
      maxLength: 3,
      selector: ([key]) => key.replace(/^\$/, ""),
    })
    .map((list) => Object.fromEntries(list));
  return fc.oneof({ weight: 4, arbitrary: object }, nullChecks);
}
