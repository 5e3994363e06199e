import { toSnakeCase } from "../naming/toSnakeCase";
import { checkColumns } from "./checkColumns";
import { type DraftTable, fail, quoteList, type ResolveContext } from "./context";
import { typeChecks } from "./typeChecks";

/**
 * Assigns SQL names (tables, columns, indexes, unique constraints), reads table-level indexes and
 * checks (after the generated enum/length checks), and rejects duplicates. SQLite compares
 * identifiers case-insensitively, and index names share one namespace with table names across the
 * whole database.
 */
export function resolveNames(context: ResolveContext): void {
  const sqlTables = new Map<string, string>();
  for (const table of context.tables.values()) {
    table.sqlName = table.definition?.options.sqlName ?? toSnakeCase(table.name);
    const clash = sqlTables.get(table.sqlName.toLowerCase());
    if (clash !== undefined) {
      fail(
        "duplicate_sql_name",
        table.name,
        undefined,
        `its SQL name "${table.sqlName}" is also the SQL name of table "${clash}"`,
        `pass table(..., { sqlName: "<other name>" }) to one of them`,
      );
    }
    sqlTables.set(table.sqlName.toLowerCase(), table.name);
    nameColumns(table);
  }
  const indexNames = new Map<string, string>();
  const claim = (table: DraftTable, field: string, name: string) => {
    const key = name.toLowerCase();
    const owner =
      indexNames.get(key) ?? (sqlTables.has(key) ? `the table "${sqlTables.get(key)}"` : undefined);
    if (owner !== undefined) {
      fail(
        "duplicate_sql_name",
        table.name,
        field,
        `the index/constraint name "${name}" is already used by ${owner}`,
        "pass a distinct name (SQLite index names are global to the database)",
      );
    }
    indexNames.set(key, `"${table.name}.${field}"`);
  };
  for (const table of context.tables.values()) {
    for (const column of table.columns.values()) {
      if (column.unique !== false) {
        column.unique = column.unique === true ? `${table.sqlName}_${column.sqlName}_unique` : column.unique;
        claim(table, column.name, column.unique);
      }
      if (column.index !== false) {
        column.index = column.index === true ? `${table.sqlName}_${column.sqlName}_idx` : column.index;
        claim(table, column.name, column.index);
      }
    }
    tableIndexes(table, claim);
    tableChecks(table);
  }
  checkEnumNames(context);
}

function nameColumns(table: DraftTable): void {
  const seen = new Map<string, string>();
  for (const column of table.columns.values()) {
    if (column.sqlName === "") column.sqlName = toSnakeCase(column.name);
    const clash = seen.get(column.sqlName.toLowerCase());
    if (clash !== undefined) {
      fail(
        "duplicate_sql_name",
        table.name,
        column.name,
        `its SQL name "${column.sqlName}" is also the SQL name of "${clash}"`,
        `rename the field or pass .sql("<other name>")`,
      );
    }
    seen.set(column.sqlName.toLowerCase(), column.name);
  }
}

function tableIndexes(
  table: DraftTable,
  claim: (table: DraftTable, field: string, name: string) => void,
): void {
  for (const index of table.definition?.options.indexes ?? []) {
    const sqlColumns = index.columns.map((field) => {
      const column = table.columns.get(field);
      if (column === undefined) {
        fail(
          "unknown_index_column",
          table.name,
          field,
          `an index lists the unknown column "${field}"`,
          `use the field names of the table's columns: ${quoteList(table.columns.keys())}`,
        );
      }
      return column.sqlName;
    });
    const unique = index.unique === true;
    const name = index.name ?? `${table.sqlName}_${sqlColumns.join("_")}_${unique ? "unique" : "idx"}`;
    claim(table, index.columns.join(", "), name);
    table.indexes.push({ columns: [...index.columns], unique, name });
  }
}

function tableChecks(table: DraftTable): void {
  const generated = typeChecks(table);
  const names = new Set(generated.map((check) => check.name.toLowerCase()));
  table.checks.push(...generated);
  const bySqlName = new Map(
    [...table.columns.values()].map((column) => [column.sqlName.toLowerCase(), column]),
  );
  for (const check of table.definition?.options.checks ?? []) {
    if (names.has(check.name.toLowerCase())) {
      const auto = generated.some((other) => other.name.toLowerCase() === check.name.toLowerCase());
      fail(
        "duplicate_sql_name",
        table.name,
        check.name,
        auto
          ? `the check "${check.name}" has the name of the check Appflare adds for a column's enum values or length`
          : `two checks are named "${check.name}"`,
        "give each check its own name",
      );
    }
    names.add(check.name.toLowerCase());
    for (const identifier of checkColumns(check.sql)) {
      if (
        bySqlName.has(identifier.toLowerCase()) ||
        identifier.toLowerCase() === table.sqlName.toLowerCase()
      ) {
        continue;
      }
      const byField = table.columns.get(identifier);
      fail(
        "unknown_check_column",
        table.name,
        identifier,
        `check "${check.name}" (${check.sql}) references the unknown column "${identifier}"`,
        byField === undefined
          ? `use the SQL names of the table's columns: ${quoteList(bySqlName.keys())}`
          : `write the SQL name "${byField.sqlName}" instead of "${identifier}" (checks are raw SQL)`,
      );
    }
    table.checks.push({ name: check.name, sql: check.sql });
  }
}

function checkEnumNames(context: ResolveContext): void {
  const enums = new Map<string, { values: readonly string[]; where: string }>();
  for (const table of context.tables.values()) {
    for (const column of table.columns.values()) {
      if (column.enumName === undefined || column.enumValues === undefined) continue;
      const known = enums.get(column.enumName);
      if (known === undefined) {
        enums.set(column.enumName, { values: column.enumValues, where: `${table.name}.${column.name}` });
      } else if (known.values.join("\u0000") !== column.enumValues.join("\u0000")) {
        fail(
          "duplicate_enum_name",
          table.name,
          column.name,
          `the enum "${column.enumName}" has other values than the enum of the same name on ${known.where}`,
          "define the enum once with v.defineEnum and reuse it, or give the two enums different names",
        );
      }
    }
  }
}
