/**
 * Generates every way the read/write language can name something `ctx.db` hides: every relation path
 * (up to `maxHops` public hops) from every `ctx.db` table to a private step — a relation reaching
 * `sessions`/`accounts`/`verifications`, or a private `users` column — crossed with every position a
 * name can take (where, relation filters, combinators, `with`, `with` entry options, `columns`,
 * `orderBy`, aggregate/groupBy fields, write `where`/`set`/`values`). Each case also has a `baseline`:
 * the same query with the private step swapped for a public one, which must succeed, so a case can
 * only pass because the private name is refused — not because the generated query is malformed.
 */
import type { RelationModel, SchemaModel, TableModel } from "@appflare/schema";

/** The name that must be refused at the end of a path. */
export type PrivateStep =
  | { readonly kind: "relation"; readonly name: string; readonly target: string }
  | { readonly kind: "column"; readonly name: string };

export interface PrivatePath {
  /** The `ctx.db` table the query starts from. */
  readonly root: string;
  /** Public relations followed from the root (in the data view). */
  readonly hops: readonly RelationModel[];
  readonly step: PrivateStep;
  /** e.g. `projects.owner.sessions`. */
  readonly label: string;
}

/** One generated call: `ctx.db[table][method](args)`. */
export interface PathCase {
  readonly position: string;
  readonly path: PrivatePath;
  readonly table: string;
  readonly method: string;
  readonly args: Record<string, unknown>;
  /**
   * The same call with the private step replaced by a public one: must not be refused (an update
   * baseline may only be refused for its empty `set`, after its `where` compiled). Absent for inserts.
   */
  readonly baseline: Record<string, unknown> | undefined;
  readonly write: boolean;
}

/**
 * Every path from a `view` table to a private step of `full`, following at most `maxHops` public
 * relations first. `view` is `dataModel(full, ...)`; what it lacks relative to `full` is private.
 *
 * @example
 * privatePaths(model, dataModel(model), 3).map((p) => p.label); // ["projects.owner.sessions", ...]
 */
export function privatePaths(full: SchemaModel, view: SchemaModel, maxHops: number): PrivatePath[] {
  const out: PrivatePath[] = [];
  const visit = (root: string, table: TableModel, hops: RelationModel[]) => {
    const whole = full.tables[table.name]!;
    const names = [root, ...hops.map((h) => h.name)].join(".");
    for (const relation of Object.values(whole.relations)) {
      if (Object.hasOwn(table.relations, relation.name)) continue;
      out.push({
        root,
        hops,
        step: { kind: "relation", name: relation.name, target: relation.target },
        label: `${names}.${relation.name}`,
      });
    }
    for (const column of Object.values(whole.columns)) {
      if (Object.hasOwn(table.columns, column.name)) continue;
      out.push({ root, hops, step: { kind: "column", name: column.name }, label: `${names}.${column.name}` });
    }
    if (hops.length === maxHops) return;
    for (const relation of Object.values(table.relations)) {
      visit(root, view.tables[relation.target]!, [...hops, relation]);
    }
  };
  for (const table of Object.values(view.tables)) visit(table.name, table, []);
  return out;
}

/** A where that names the step: a condition on the private relation (EXISTS) or column. */
function stepWhere(step: PrivateStep): Record<string, unknown> {
  return step.kind === "relation"
    ? { [step.name]: { id: { startsWith: "a" } } }
    : { [step.name]: { exists: true } };
}

/** Public stand-in for a step at table level: the primary key (every table has `id` or a key). */
function publicWhere(table: TableModel): Record<string, unknown> {
  return { [table.primaryKey]: { exists: true } };
}

/** `{ h1: { h2: leaf } }`: a relation filter through the hops. */
function nestWhere(hops: readonly RelationModel[], leaf: Record<string, unknown>): Record<string, unknown> {
  return hops.reduceRight<Record<string, unknown>>((inner, hop) => ({ [hop.name]: inner }), leaf);
}

/** `{ h1: { with: { h2: entry } } }` for hops ≥ 1; the innermost relation gets `entry`. */
function nestWith(hops: readonly RelationModel[], entry: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> = entry;
  for (let i = hops.length - 1; i >= 0; i--) {
    out = i === 0 ? { [hops[i]!.name]: out } : { with: { [hops[i]!.name]: out } };
  }
  return out;
}

/** Args at the level reached by `hops`: top-level args for none, else a `with` chain ending in `level`. */
function atLevel(hops: readonly RelationModel[], level: Record<string, unknown>): Record<string, unknown> {
  return hops.length === 0 ? level : { with: nestWith(hops, level) };
}

const COMBINATORS: ReadonlyArray<[string, (w: Record<string, unknown>) => Record<string, unknown>]> = [
  ["plain", (w) => w],
  ["and", (w) => ({ and: [w, {}] })],
  ["or", (w) => ({ or: [{}, w] })],
  ["not", (w) => ({ not: w })],
  ["$or", (w) => ({ $or: [w] })],
];

/**
 * Every position for one path, as calls. `tableOf(name)` gives view tables (for baselines).
 * Positions that the language refuses for an unrelated reason (orderBy or aggregates inside a `one`
 * entry, field paths through `many`) are not generated: their baseline would fail.
 */
export function pathCases(path: PrivatePath, tableOf: (name: string) => TableModel): PathCase[] {
  const cases: PathCase[] = [];
  const add = (
    position: string,
    method: string,
    args: Record<string, unknown>,
    baseline: Record<string, unknown> | undefined,
    write = false,
  ) => cases.push({ position, path, table: path.root, method, args, baseline, write });
  const { hops, step } = path;
  const levelTable = tableOf(hops.length === 0 ? path.root : hops[hops.length - 1]!.target);

  // where: the private step after a relation filter through k hops, inside a with chain through the
  // other hops — every split of the path between `with` and `where`, under every combinator.
  for (let k = 0; k <= hops.length; k++) {
    const withHops = hops.slice(0, hops.length - k);
    const whereHops = hops.slice(hops.length - k);
    for (const [name, wrap] of COMBINATORS) {
      const where = nestWhere(whereHops, wrap(stepWhere(step)));
      const base = nestWhere(whereHops, wrap(publicWhere(levelTable)));
      add(
        `where[with ${withHops.length}, filter ${k}, ${name}]`,
        "findMany",
        atLevel(withHops, { where }),
        atLevel(withHops, { where: base }),
      );
    }
  }
  const fullWhere = nestWhere(hops, stepWhere(step));
  const fullBase = nestWhere(hops, publicWhere(levelTable));
  add("findFirst where", "findFirst", { where: fullWhere }, { where: fullBase });
  add("count where", "count", { where: fullWhere }, { where: fullBase });
  add(
    "groupBy where",
    "groupBy",
    { by: tableOf(path.root).primaryKey, where: fullWhere },
    { by: tableOf(path.root).primaryKey, where: fullBase },
  );
  const none = { [tableOf(path.root).primaryKey]: { in: [] } };
  add(
    "update where",
    "update",
    { where: fullWhere, set: {} },
    { where: { and: [fullBase, none] }, set: {} },
    true,
  );
  add("delete where", "delete", { where: fullWhere }, { where: { and: [fullBase, none] } }, true);

  const lastKind = hops.length === 0 ? "root" : hops[hops.length - 1]!.kind;
  const listLevel = lastKind !== "one"; // orderBy/aggregates apply to the root and to many levels
  if (step.kind === "relation") {
    // with: loading the private relation, or asking for its aggregate, rows or a filtered load.
    const entries: ReadonlyArray<[string, unknown]> = [
      ["true", true],
      ["object", {}],
      ["where", { where: { id: { exists: true } } }],
      ["columns", { columns: { id: true } }],
      ["_count", { _count: true }],
      ["nested with", { with: {} }],
    ];
    for (const [name, entry] of entries) {
      add(
        `with ${name}`,
        "findMany",
        atLevel(hops, { with: { [step.name]: entry } }),
        atLevel(hops, { with: {} }),
      );
    }
    add(
      "findFirst with",
      "findFirst",
      atLevel(hops, { with: { [step.name]: true } }),
      atLevel(hops, { with: {} }),
    );
    if (hops.every((h) => h.kind === "one")) {
      const field = [...hops.map((h) => h.name), step.name, "id"].join(".");
      const base = [...hops.map((h) => h.name), levelTable.primaryKey].join(".");
      for (const method of ["count", "min", "max"])
        add(`${method} field`, method, { field }, { field: base });
    }
    if (hops.length === 0) {
      // writes naming the relation: nested insert/upsert values, update set
      const probe = { id: "private-probe", name: "p", email: "private-probe@example.com" };
      add("insert values", "insert", { values: { ...probe, [step.name]: [] } }, undefined, true);
      add("upsert values", "upsert", { values: { ...probe, [step.name]: [] } }, undefined, true);
      add("update set", "update", { where: none, set: { [step.name]: [] } }, { where: none, set: {} }, true);
    }
  } else {
    const col = step.name;
    add(
      "columns",
      "findMany",
      atLevel(hops, { columns: { [col]: true } }),
      atLevel(hops, { columns: { id: true } }),
    );
    if (listLevel) {
      add(
        "orderBy",
        "findMany",
        atLevel(hops, { orderBy: { column: col } }),
        atLevel(hops, { orderBy: { column: "id" } }),
      );
      add(
        "orderBy list",
        "findMany",
        atLevel(hops, { orderBy: [{ column: "id" }, { column: col, direction: "desc" }] }),
        atLevel(hops, { orderBy: [{ column: "id" }] }),
      );
    }
    if (hops.length > 0 && lastKind !== "one") {
      for (const agg of ["_min", "_max"]) {
        add(
          `with ${agg}`,
          "findMany",
          { with: nestWith(hops, { [agg]: { [col]: true } }) },
          { with: nestWith(hops, { [agg]: { id: true } }) },
        );
      }
    }
    if (hops.every((h) => h.kind === "one")) {
      const field = [...hops.map((h) => h.name), col].join(".");
      const base = [...hops.map((h) => h.name), "id"].join(".");
      for (const method of ["count", "min", "max"])
        add(`${method} field`, method, { field }, { field: base });
      add("count distinct field", "count", { field, distinct: true }, { field: base, distinct: true });
    }
    if (hops.length === 0) {
      add(
        "iterate where",
        "iterate",
        { where: { [col]: { exists: true } } },
        { where: { id: { exists: true } } },
      );
      add("groupBy by", "groupBy", { by: col }, { by: "id" });
      add("groupBy by list", "groupBy", { by: ["id", col] }, { by: ["id"] });
      add("groupBy _min", "groupBy", { by: "id", _min: { [col]: true } }, { by: "id", _min: { id: true } });
      add(
        "groupBy _count field",
        "groupBy",
        { by: "id", _count: { [col]: true } },
        { by: "id", _count: { id: true } },
      );
      add(
        "groupBy orderBy",
        "groupBy",
        { by: "id", orderBy: { column: col } },
        { by: "id", orderBy: { column: "id" } },
      );
      add(
        "groupBy orderBy aggregate",
        "groupBy",
        { by: "id", orderBy: { aggregate: "_max", field: col } },
        { by: "id", orderBy: { aggregate: "_max", field: "id" } },
      );
      // Only the fields public in every view the tests use, so the private column is the one refused.
      const probe = { id: "private-probe", name: "p" };
      add(
        "update set",
        "update",
        { where: none, set: { [col]: null } },
        { where: none, set: { name: "x" } },
        true,
      );
      add("insert values", "insert", { values: { ...probe, [col]: null } }, undefined, true);
      add("upsert target", "upsert", { values: probe, target: col }, undefined, true);
      add("upsert set", "upsert", { values: probe, set: { [col]: null } }, undefined, true);
    }
  }
  return cases;
}
