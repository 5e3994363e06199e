/**
 * Checks the evaluator against real SQLite (the `sqlite3` CLI, skipped when absent): a small reference
 * compiler turns normalized wheres into SQL following the table in evaluateWhere.ts, and every
 * (where, row) pair must give the same TRUE / FALSE / NULL. It documents, executable, the SQL each rule
 * needs; the server's Drizzle compiler is tested the same way against D1.
 */
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowArbitrary, whereArbitrary } from "../../test/arbitraries";
import type { ColumnModel, TableModel } from "../model";
import { evaluateWhere } from "./evaluateWhere";
import { DEGREES_TO_RADIANS } from "./haversine";
import { foldAsciiCase } from "./likeMatch";
import type { NormalizedGeoWithin, NormalizedOperators, NormalizedWhere } from "./NormalizedWhere";
import { normalizeWhere } from "./normalizeWhere";
import { tasksTable } from "./testFixtures";

const hasSqlite = (() => {
  try {
    execFileSync("sqlite3", ["-version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : value.toExponential(17).replace("e", "e");
  return `'${String(value).replaceAll("'", "''")}'`;
}

function scalar(x: string, ops: NormalizedOperators): string {
  const parts: string[] = [];
  const insensitive = ops.mode === "insensitive";
  for (const [op, v] of Object.entries(ops)) {
    switch (op) {
      case "eq":
        parts.push(v === null ? `(${x} IS NULL)` : `(${x} = ${literal(v)})`);
        break;
      case "ne":
        parts.push(v === null ? `(${x} IS NOT NULL)` : `(${x} <> ${literal(v)})`);
        break;
      case "gt":
      case "gte":
      case "lt":
      case "lte":
        parts.push(`(${x} ${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[op]} ${literal(v)})`);
        break;
      case "in":
      case "nin": {
        const list = v as unknown[];
        if (list.length === 0) parts.push(op === "in" ? "0" : "1");
        else parts.push(`(${x} ${op === "in" ? "IN" : "NOT IN"} (${list.map(literal).join(", ")}))`);
        break;
      }
      case "exists":
        parts.push(v ? `(${x} IS NOT NULL)` : `(${x} IS NULL)`);
        break;
      case "contains":
      case "startsWith":
      case "endsWith": {
        const pattern = literal(insensitive ? foldAsciiCase(v as string) : v);
        const subject = insensitive ? `lower(${x})` : x;
        const test =
          op === "contains"
            ? `instr(${subject}, ${pattern}) > 0`
            : op === "startsWith"
              ? `substr(${subject}, 1, length(${pattern})) = ${pattern}`
              : `(length(${pattern}) = 0 OR substr(${subject}, -length(${pattern})) = ${pattern})`;
        parts.push(`(CASE WHEN ${x} IS NULL THEN NULL WHEN typeof(${x}) <> 'text' THEN 0 ELSE ${test} END)`);
        break;
      }
    }
  }
  return parts.length === 0 ? "1" : `(${parts.join(" AND ")})`;
}

function json(x: string, ops: Record<string, unknown>): string {
  const array = `(CASE json_type(${x}) WHEN 'array' THEN ${x} ELSE '[]' END)`;
  const parts: string[] = [];
  const fields: string[] = [];
  for (const [op, v] of Object.entries(ops)) {
    if (op === "eq") parts.push(`(${x} IS NULL)`);
    else if (op === "ne") parts.push(`(${x} IS NOT NULL)`);
    else if (op === "exists") parts.push(v ? `(${x} IS NOT NULL)` : `(${x} IS NULL)`);
    else if (op === "includes" || op === "includesAny") {
      const list = v as unknown[];
      if (list.length === 0) parts.push(op === "includes" ? "1" : "0");
      else {
        const exists = (values: unknown[]) =>
          `EXISTS(SELECT 1 FROM json_each(${array}) WHERE value IN (${values.map(literal).join(", ")}))`;
        const test = op === "includes" ? list.map((item) => exists([item])).join(" AND ") : exists(list);
        parts.push(`(CASE WHEN ${x} IS NULL THEN NULL ELSE (${test}) END)`);
      }
    } else if (op === "length") {
      parts.push(
        scalar(
          `(CASE WHEN ${x} IS NULL THEN NULL ELSE json_array_length(${array}) END)`,
          v as NormalizedOperators,
        ),
      );
    } else fields.push(op);
  }
  if (fields.length > 0) {
    const conditions = fields.map((f) =>
      scalar(`json_extract(e.value, '$.${f}')`, ops[f] as NormalizedOperators),
    );
    parts.push(
      `(CASE WHEN ${x} IS NULL THEN NULL ELSE EXISTS(SELECT 1 FROM json_each(${array}) e WHERE e.type = 'object' AND ${conditions.join(" AND ")}) END)`,
    );
  }
  return parts.length === 0 ? "1" : `(${parts.join(" AND ")})`;
}

function geo(g: NormalizedGeoWithin): string {
  const r = DEGREES_TO_RADIANS.toExponential(17);
  const [lat1, lng1] = [`"${g.latitudeField}"`, `"${g.longitudeField}"`];
  const [lat2, lng2] = [literal(g.$geometry.latitude), literal(g.$geometry.longitude)];
  const s1 = `sin(((${lat2} - ${lat1}) * ${r}) / 2)`;
  const s2 = `sin(((${lng2} - ${lng1}) * ${r}) / 2)`;
  const a = `(${s1} * ${s1} + ((cos(${lat1} * ${r}) * cos(${lat2} * ${r})) * ${s2}) * ${s2})`;
  const d = `(12742000 * asin(min(1, sqrt(${a}))))`;
  const bounds = [
    g.minDistance === undefined ? "1" : `${d} >= ${literal(g.minDistance)}`,
    g.maxDistance === undefined ? "1" : `${d} <= ${literal(g.maxDistance)}`,
  ];
  return `(CASE WHEN ${lat1} IS NULL OR ${lng1} IS NULL THEN NULL ELSE (${bounds.join(" AND ")}) END)`;
}

function compile(table: TableModel, where: NormalizedWhere): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === "and")
      parts.push(`(${["1", ...(value as NormalizedWhere[]).map((w) => compile(table, w))].join(" AND ")})`);
    else if (key === "or")
      parts.push(`(${["0", ...(value as NormalizedWhere[]).map((w) => compile(table, w))].join(" OR ")})`);
    else if (key === "not") parts.push(`(NOT ${compile(table, value as NormalizedWhere)})`);
    else if (key === "geoWithin") parts.push(geo(value as NormalizedGeoWithin));
    else {
      const type = table.columns[key]!.type;
      parts.push(
        type === "json" || type === "enumArray"
          ? json(`"${key}"`, value as Record<string, unknown>)
          : scalar(`"${key}"`, value as NormalizedOperators),
      );
    }
  }
  return parts.length === 0 ? "1" : `(${parts.join(" AND ")})`;
}

function storeValue(column: ColumnModel, value: unknown): string {
  if (value === null) return "NULL";
  if (column.type === "json" || column.type === "enumArray") return literal(JSON.stringify(value));
  if (value instanceof Date) return String(value.getTime());
  return literal(value);
}

describe.skipIf(!hasSqlite)("evaluator vs real SQLite", () => {
  it("agrees on every (where, row) pair", () => {
    const table = tasksTable;
    const columns = Object.values(table.columns);
    const [rows, wheres] = fc.sample(
      fc.tuple(
        fc.array(rowArbitrary(table), { minLength: 40, maxLength: 40 }),
        fc.array(whereArbitrary(table, { relations: false, depth: 2 }), { minLength: 400, maxLength: 400 }),
      ),
      { numRuns: 1, seed: Number(process.env.FILTER_SEED ?? 7) },
    )[0]!;
    rows.forEach((row, index) => {
      row.id = index;
    });
    const affinity = { int: "INTEGER", real: "REAL", boolean: "INTEGER", date: "INTEGER" } as Record<
      string,
      string
    >;
    let sql = `CREATE TABLE t (${columns.map((c) => `"${c.name}" ${affinity[c.type] ?? "TEXT"}`).join(", ")});\n`;
    for (const row of rows) {
      sql += `INSERT INTO t VALUES (${columns.map((c) => storeValue(c, row[c.name])).join(", ")});\n`;
    }
    wheres.forEach((where, index) => {
      sql += `SELECT ${index}, id, ifnull(${compile(table, normalizeWhere(table, where))}, 'U') FROM t ORDER BY id;\n`;
    });
    const output = execFileSync("sqlite3", ["-bail", "-separator", ",", ":memory:"], {
      input: sql,
      maxBuffer: 1 << 28,
    }).toString();
    const results = output
      .trim()
      .split("\n")
      .map((line) => line.split(","));
    expect(results).toHaveLength(rows.length * wheres.length);
    let mismatches = 0;
    for (const [w, r, sqlResult] of results) {
      const where = wheres[Number(w)]!;
      const js = evaluateWhere(table, where, rows[Number(r)]!);
      const expected = sqlResult === "U" ? null : sqlResult === "1";
      if (js !== expected && mismatches++ < 5) {
        console.log(
          JSON.stringify({ where: normalizeWhere(table, where), row: rows[Number(r)], js, sql: expected }),
        );
      }
    }
    expect(mismatches).toBe(0);
  }, 60_000);
});
