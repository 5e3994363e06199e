import { describe, expect, it } from "vitest";
import * as api from "./index";

describe("public API", () => {
  it("exports the schema DSL's runtime values", () => {
    for (const name of [
      "schema",
      "table",
      "v",
      "compileSchema",
      "getSchemaModel",
      "isSchema",
      "isTable",
      "isColumnBuilder",
      "isRelationBuilder",
      "ColumnBuilder",
      "SchemaError",
      "authTables",
      "isAuthTableName",
      "toSnakeCase",
      "singularize",
      "junctionTableName",
      "withUserFields",
      "plainUserFields",
      "UserFieldError",
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it("v has every builder", () => {
    expect(Object.keys(api.v).sort()).toEqual(
      [
        "int",
        "number",
        "real",
        "string",
        "boolean",
        "date",
        "uuid",
        "enum",
        "enumArray",
        "defineEnum",
        "array",
        "object",
        "json",
        "one",
        "many",
        "manyToMany",
      ].sort(),
    );
  });
});
