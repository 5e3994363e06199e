import { type Relation, type Relations, relations } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { RelationModel, SchemaModel, TableModel } from "../model";

type Columns = Record<string, AnySQLiteColumn>;

interface HiddenOne {
  readonly name: string;
  readonly fk: string;
  readonly target: string;
  readonly key: string;
  readonly relationName: string;
}

/**
 * Drizzle `relations()` for every table, so `drizzle(db, { schema })` relational queries and the
 * dashboard can follow the same relations as `ctx.db`. Pairs are linked by a generated `relationName`;
 * a `v.many` whose FK was synthesized gets a hidden inverse `one` on the target (Drizzle needs one), and
 * a `manyToMany` is a `many` to its junction table, whose two `one`s lead to both sides.
 *
 * @example
 * const db = drizzle(env.DB, { schema: { ...tables, ...drizzleRelations(s.model, tables) } });
 */
export function drizzleRelations(
  model: SchemaModel,
  tables: Readonly<Record<string, SQLiteTable>>,
): Record<string, Relations> {
  const hidden = hiddenInverses(model);
  const result: Record<string, Relations> = {};
  const get = (name: string): SQLiteTable => {
    const table = tables[name];
    if (table === undefined) throw new Error(`internal: no Drizzle table ${name}`);
    return table;
  };
  const column = (table: string, field: string): AnySQLiteColumn => {
    const found = (get(table) as unknown as Columns)[field];
    if (found === undefined) throw new Error(`internal: no Drizzle column ${table}.${field}`);
    return found;
  };
  for (const table of Object.values(model.tables)) {
    result[table.name] = relations(get(table.name), ({ one, many }) => {
      const config: Record<string, Relation> = {};
      for (const relation of Object.values(table.relations)) {
        const relationName = drizzleRelationName(model, table, relation);
        if (relation.kind === "one") {
          config[relation.name] = one(get(relation.target), {
            fields: [column(table.name, relation.sourceField)],
            references: [column(relation.target, relation.targetField)],
            relationName,
          });
        } else {
          const target = relation.junction?.table ?? relation.target;
          config[relation.name] = many(get(target), { relationName });
        }
      }
      for (const inverse of hidden.get(table.name) ?? []) {
        config[inverse.name] = one(get(inverse.target), {
          fields: [column(table.name, inverse.fk)],
          references: [column(inverse.target, inverse.key)],
          relationName: inverse.relationName,
        });
      }
      return config;
    });
  }
  return result;
}

/** The `relationName` both sides of a Drizzle pair share: named after the side holding the FK. */
function drizzleRelationName(model: SchemaModel, table: TableModel, relation: RelationModel): string {
  if (relation.kind === "one") return `${table.name}.${relation.name}`;
  if (relation.kind === "manyToMany" && relation.junction !== undefined) {
    const junction = model.tables[relation.junction.table];
    const link = junction?.columns[relation.junction.sourceField]?.relation ?? relation.junction.sourceField;
    return `${relation.junction.table}.${link}`;
  }
  return relation.inverse === undefined
    ? `${relation.target}.~${table.name}.${relation.name}`
    : `${relation.target}.${relation.inverse}`;
}

/** Hidden `one`s for `v.many`s whose FK was synthesized on the target, by target table. */
function hiddenInverses(model: SchemaModel): Map<string, HiddenOne[]> {
  const hidden = new Map<string, HiddenOne[]>();
  for (const table of Object.values(model.tables)) {
    for (const relation of Object.values(table.relations)) {
      if (relation.kind !== "many" || relation.inverse !== undefined) continue;
      const target = model.tables[relation.target];
      if (target === undefined) continue;
      const taken = (name: string) =>
        name in target.columns ||
        name in target.relations ||
        (hidden.get(target.name) ?? []).some((inverse) => inverse.name === name);
      const base = relation.targetField.replace(/Id$/, "");
      let name = base !== relation.targetField && !taken(base) ? base : `${relation.targetField}Ref`;
      for (let suffix = 2; taken(name); suffix++) name = `${relation.targetField}Ref${suffix}`;
      const list = hidden.get(target.name) ?? [];
      list.push({
        name,
        fk: relation.targetField,
        target: table.name,
        key: relation.sourceField,
        relationName: `${relation.target}.~${table.name}.${relation.name}`,
      });
      hidden.set(target.name, list);
    }
  }
  return hidden;
}
