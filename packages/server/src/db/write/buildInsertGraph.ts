import type { ColumnModel, RelationModel, SchemaModel, TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { encodeValue } from "../codec";
import { isWriteOperator } from "../operators";
import type { SqlParam } from "../sql";
import { refusePrivateField } from "../where/refusePrivateField";
import { type Cell, type InsertNode, refCell, valueCell } from "./InsertNode";
import { keyParam } from "./keyParam";
import { validateColumnValue } from "./validateColumnValue";

/** `many` relation given child ids: after the parent exists, point those children's FK at it. */
export interface LinkUpdate {
  readonly child: TableModel;
  readonly fkField: string;
  readonly parent: Cell;
  readonly ids: readonly SqlParam[];
}

/** Every row an insert writes, plus the FK updates its `many` id lists need. */
export interface InsertGraph {
  readonly nodes: InsertNode[];
  /** The top-level rows, in the order given. */
  readonly roots: InsertNode[];
  readonly links: LinkUpdate[];
}

/** Nesting deeper than this is refused (it also stops a self-referencing object from looping). */
const MAX_NESTING = 16;

/**
 * Validates insert `values` (one row or an array) and turns them, with their nested relation inputs,
 * into rows to insert: runtime defaults applied, values encoded, relations turned into FK cells that
 * point at other new rows, junction rows, or link updates.
 *
 * Relation inputs: `one` → the target's key (sets the FK) or an object (created first, then linked);
 * `many` → child keys (their FK is updated) or objects (created with the FK set); `manyToMany` → target
 * keys or objects (created), each linked by a junction row.
 */
export function buildInsertGraph(model: SchemaModel, table: TableModel, values: unknown): InsertGraph {
  const builder = new GraphBuilder(model);
  const list = Array.isArray(values) ? values : [values];
  if (values === undefined) {
    throw new InvalidQueryError(`insert into "${table.name}" needs values: { values: row | row[] }`);
  }
  const roots = list.map((row, i) =>
    builder.row(table, row, Array.isArray(values) ? `values[${i}]` : "values", 0, undefined),
  );
  return { nodes: builder.nodes, roots, links: builder.links };
}

class GraphBuilder {
  readonly nodes: InsertNode[] = [];
  readonly links: LinkUpdate[] = [];

  constructor(private readonly model: SchemaModel) {}

  row(table: TableModel, input: unknown, path: string, depth: number, forced: Map<string, Cell> | undefined) {
    if (!isPlainObject(input)) {
      throw new InvalidQueryError(
        `${path} of insert into "${table.name}" must be an object of its fields, got ${describeValue(input)}`,
      );
    }
    if (depth > MAX_NESTING) {
      throw new InvalidQueryError(`${path}: nested relation writes go deeper than ${MAX_NESTING} levels`);
    }
    const node: InsertNode = { table, cells: new Map(), deps: [], autoKey: false };
    const relations: [RelationModel, unknown][] = [];
    for (const key of Object.keys(input)) {
      const value = input[key];
      if (value === undefined) continue;
      const column = Object.hasOwn(table.columns, key) ? table.columns[key] : undefined;
      if (column) {
        if (isWriteOperator(value)) {
          throw new InvalidQueryError(
            `${path}.${key}: increment/decrement/now/raw only apply to update and upsert "set"; insert takes plain values`,
          );
        }
        if (value !== null) validateColumnValue(table, column, value);
        node.cells.set(key, valueCell(encodeValue(column, value)));
      } else if (Object.hasOwn(table.relations, key)) {
        relations.push([table.relations[key]!, value]);
      } else {
        throw unknownField(table, key, path);
      }
    }
    for (const [field, cell] of forced ?? []) {
      if (node.cells.has(field)) {
        throw new InvalidQueryError(
          `${path}.${field}: "${table.name}.${field}" is set by the parent relation; leave it out of the nested object`,
        );
      }
      node.cells.set(field, cell);
      if (cell.kind === "ref") node.deps.push(cell.node);
    }
    for (const [relation, value] of relations)
      this.relation(node, relation, value, `${path}.${relation.name}`, depth);
    for (const column of runtimeDefaults(table)) {
      if (!node.cells.has(column.name))
        node.cells.set(column.name, valueCell(encodeValue(column, column.defaultFn!())));
    }
    const key = table.columns[table.primaryKey];
    const keyCell = node.cells.get(table.primaryKey);
    if (keyCell?.kind === "value" && keyCell.value === null) node.cells.delete(table.primaryKey);
    node.autoKey =
      table.compositeKey === undefined && key?.type === "int" && !node.cells.has(table.primaryKey);
    this.nodes.push(node);
    return node;
  }

  private relation(
    node: InsertNode,
    relation: RelationModel,
    value: unknown,
    path: string,
    depth: number,
  ): void {
    const target = this.model.tables[relation.target]!;
    if (relation.kind === "one") {
      if (node.cells.has(relation.sourceField)) {
        throw new InvalidQueryError(
          `${path}: give either "${relation.name}" or "${relation.sourceField}" on "${node.table.name}", not both`,
        );
      }
      if (value === null || !isPlainObject(value)) {
        node.cells.set(relation.sourceField, this.keyCell(target, relation.targetField, value, path));
        return;
      }
      const created = this.row(target, value, path, depth + 1, undefined);
      node.cells.set(relation.sourceField, refCell(node, created, relation.targetField));
      return;
    }
    if (!Array.isArray(value)) {
      throw new InvalidQueryError(
        `${path}: "${node.table.name}.${relation.name}" takes an array of "${target.name}" ids or objects, got ${describeValue(value)}`,
      );
    }
    const parentKey: Cell = { kind: "ref", node, field: relation.sourceField };
    if (relation.kind === "many") {
      const ids: SqlParam[] = [];
      value.forEach((item: unknown, i) => {
        if (isPlainObject(item)) {
          this.row(target, item, `${path}[${i}]`, depth + 1, new Map([[relation.targetField, parentKey]]));
        } else {
          ids.push(keyParam(target, target.primaryKey, item, `${path}[${i}]`));
        }
      });
      if (ids.length > 0)
        this.links.push({ child: target, fkField: relation.targetField, parent: parentKey, ids });
      return;
    }
    const junctionModel = relation.junction!;
    const junction = this.model.tables[junctionModel.table]!;
    const seen = new Set<SqlParam>();
    value.forEach((item: unknown, i) => {
      let targetCell: Cell;
      if (isPlainObject(item)) {
        const created = this.row(target, item, `${path}[${i}]`, depth + 1, undefined);
        targetCell = { kind: "ref", node: created, field: relation.targetField };
      } else {
        const id = keyParam(target, relation.targetField, item, `${path}[${i}]`);
        if (seen.has(id)) return; // linking twice is linking once
        seen.add(id);
        targetCell = valueCell(id);
      }
      this.row(
        junction,
        {},
        `${path}[${i}]`,
        depth + 1,
        new Map([
          [junctionModel.sourceField, parentKey],
          [junctionModel.targetField, targetCell],
        ]),
      );
    });
  }

  private keyCell(target: TableModel, field: string, value: unknown, path: string): Cell {
    return valueCell(value === null ? null : keyParam(target, field, value, path));
  }
}

const defaults = new WeakMap<TableModel, ColumnModel[]>();
/** Columns with a runtime default, computed once per table (insert runs this per row). */
function runtimeDefaults(table: TableModel): ColumnModel[] {
  let list = defaults.get(table);
  if (list === undefined) {
    list = Object.values(table.columns).filter((c) => c.defaultFn !== undefined);
    defaults.set(table, list);
  }
  return list;
}

function unknownField(table: TableModel, key: string, path: string): InvalidQueryError {
  refusePrivateField(table, key, `${path} of insert into "${table.name}"`);
  const relations = Object.keys(table.relations);
  return new InvalidQueryError(
    `Unknown field "${key}" in ${path} of insert into "${table.name}". Known fields: ${Object.keys(table.columns).join(", ")}` +
      (relations.length > 0 ? `; relations: ${relations.join(", ")}` : ""),
  );
}
