/**
 * The where walker: validates a where against a table and returns its canonical form. Every other
 * entry point (`validateWhere`, `compileWhere`, `evaluateWhere`) goes through here, so there is one
 * definition of what a valid where is.
 */
import type { TableModel } from "../model";
import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import type { NormalizedWhere } from "./NormalizedWhere";
import { normalizeGeoWithin } from "./normalizeGeoWithin";
import { normalizeJsonCondition } from "./normalizeJsonCondition";
import { columnValueKind } from "./normalizeOperand";
import { normalizeFieldCondition } from "./normalizeOperators";
import { resolveCombinator, resolveOperator, WHERE_COMBINATORS } from "./operators";
import {
  childContext,
  didYouMean,
  elementContext,
  fail,
  failIfPrivate,
  hasOwn,
  ownEntries,
  rootContext,
  sortKeys,
  spendNodes,
  type WhereContext,
} from "./whereContext";

/**
 * Validates `where` against `table` (throwing `WhereError`, see `validateWhere` for the rules) and
 * returns its canonical form: `$` aliases resolved, `regex` → `contains`, `options: "i"` →
 * `mode: "insensitive"` (`mode: "default"` dropped), bare values → `{ eq: value }`, `length: n` →
 * `length: { eq: n }`, dates → epoch ms (ISO text for dates inside JSON), -0 → 0, keys of every
 * object sorted. Array order is kept.
 * The result is plain JSON, a valid where itself, and `normalizeWhere(t, normalizeWhere(t, w))`
 * deep-equals `normalizeWhere(t, w)`.
 *
 * @example
 * normalizeWhere(tasks, { title: { $regex: "fix", $options: "i" }, dueAt: { lt: new Date(0) }, done: false });
 * // { done: { eq: false }, dueAt: { lt: 0 }, title: { contains: "fix", mode: "insensitive" } }
 */
export function normalizeWhere(table: TableModel, where: unknown): NormalizedWhere {
  return normalizeWhereObject(rootContext(table, "where"), where);
}

function normalizeWhereObject(ctx: WhereContext, where: unknown): NormalizedWhere {
  if (!isPlainObject(where)) {
    return fail(
      ctx,
      `A where must be a plain object like { field: value }, got ${describeValue(where)}`,
      ctx.path.length === 0 ? undefined : "Each and/or item, not and relation filter is a where object.",
    );
  }
  const { table } = ctx;
  const out: Record<string, unknown> = {};
  const givenAs = new Map<string, string>();
  for (const [key, value] of ownEntries(ctx, where)) {
    const keyCtx = childContext(ctx, key);
    // Reserved words win over same-named fields: the language must mean the same on every table.
    const combinator = resolveCombinator(key);
    const canonical = combinator ?? (resolveOperator(key) === "geoWithin" ? "geoWithin" : key);
    const previous = givenAs.get(canonical);
    if (previous !== undefined) {
      fail(
        keyCtx,
        `"${key}" repeats "${previous}"`,
        `Give "${canonical}" once; put several conditions in one array.`,
      );
    }
    givenAs.set(canonical, key);
    if (combinator === "not") {
      out.not = normalizeWhereObject(keyCtx, value);
    } else if (combinator !== undefined) {
      out[combinator] = normalizeBranches(keyCtx, key, value);
    } else if (canonical === "geoWithin") {
      out.geoWithin = normalizeGeoWithin(keyCtx, value);
    } else if (hasOwn(table.columns, key)) {
      const column = table.columns[key]!;
      out[key] =
        column.type === "json" || column.type === "enumArray"
          ? normalizeJsonCondition(keyCtx, column, value, key)
          : normalizeFieldCondition(keyCtx, columnValueKind(column), value, key);
    } else if (hasOwn(table.relations, key)) {
      out[key] = normalizeRelation(keyCtx, key, value);
    } else {
      unknownField(keyCtx, key);
    }
  }
  return sortKeys(out) as NormalizedWhere;
}

function normalizeBranches(ctx: WhereContext, key: string, value: unknown): NormalizedWhere[] {
  if (!Array.isArray(value)) {
    return fail(
      ctx,
      `"${key}" expects an array of where objects, got ${describeValue(value)}`,
      `e.g. ${key}: [{ a: 1 }, { b: 2 }].`,
    );
  }
  spendNodes(ctx, value.length);
  // Array.from visits holes of sparse arrays (as undefined, refused) where map would skip them.
  return Array.from(value, (branch: unknown, index) =>
    normalizeWhereObject(elementContext(ctx, index), branch),
  );
}

function normalizeRelation(ctx: WhereContext, name: string, value: unknown): NormalizedWhere {
  const relation = ctx.table.relations[name]!;
  const target = ctx.table.schema.tables[relation.target];
  if (target === undefined || !hasOwn(ctx.table.schema.tables, relation.target)) {
    throw new Error(
      `Schema model is inconsistent: relation "${name}" of table "${ctx.table.name}" targets unknown table "${relation.target}".`,
    );
  }
  if (!isPlainObject(value)) {
    const fk =
      relation.kind === "one" ? ` To compare the foreign key, filter on "${relation.sourceField}".` : "";
    return fail(
      ctx,
      `Relation "${name}" expects a where object on table "${target.name}", got ${describeValue(value)}`,
      `e.g. { ${name}: { field: value } }.${fk}`,
    );
  }
  return normalizeWhereObject({ ...ctx, table: target }, value);
}

function unknownField(ctx: WhereContext, key: string): never {
  failIfPrivate(ctx, key);
  const { table } = ctx;
  const columns = Object.keys(table.columns);
  const relations = Object.keys(table.relations);
  if (resolveOperator(key) !== undefined) {
    return fail(
      ctx,
      `"${key}" is an operator, not a field`,
      `Operators go inside a field's object, e.g. { ${columns[0] ?? "field"}: { ${key}: … } }.`,
    );
  }
  const candidates = [...columns, ...relations, ...WHERE_COMBINATORS, "geoWithin"];
  return fail(
    ctx,
    `Unknown field "${key}"`,
    `${didYouMean(key, candidates)}Known fields: ${columns.join(", ")}` +
      `${relations.length > 0 ? `; relations: ${relations.join(", ")}` : ""}; and, or, not, geoWithin.`,
  );
}
