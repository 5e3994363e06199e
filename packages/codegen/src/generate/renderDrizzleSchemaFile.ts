import type { UserFields } from "@appflare/schema";
import { banner } from "./banner";
import { formatBracedList } from "./formatList";
import { formatLiteral } from "./formatLiteral";
import { isIdentifier, propertyKey } from "./identifiers";
import { importSpecifier } from "./importSpecifier";

/** What drizzle-kit needs: the schema module and the name of every table of its model. */
export interface DrizzleSchemaFileInput {
  readonly outDir: string;
  readonly schemaFile: string;
  readonly schemaExport: string;
  /** Every table of the compiled model (app, auth and junction tables). */
  readonly tables: readonly string[];
  /** The config's `auth.options.user.additionalFields` as plain data; `{}` or absent when none. */
  readonly userFields?: UserFields;
}

/**
 * `<outDir>/drizzle.schema.ts`: the compiled Drizzle tables as named exports, which is how drizzle-kit
 * finds tables (`appflare migrate` points it here). A table whose name is not a valid binding gets an
 * alias; drizzle-kit reads the table's own SQL name, not the export name. With additional user fields,
 * the schema goes through `withUserFields` with the fields written out as data, so `users` gets their
 * columns — the same call the Worker makes from the config.
 *
 * @example
 * renderDrizzleSchemaFile({ outDir: "/app/_generated", schemaFile: "/app/schema.ts", schemaExport: "default", tables: ["tasks"] });
 */
export function renderDrizzleSchemaFile(input: DrizzleSchemaFileInput): string {
  const from = importSpecifier(input.outDir, input.schemaFile);
  const items = [...input.tables]
    .sort()
    .map((name, i) => (isIdentifier(name) ? name : `${propertyKey(name)}: table_${i}`));
  const fields = input.userFields ?? {};
  const extended = Object.keys(fields).length > 0;
  return [
    banner(extended ? "the schema module and auth.options.user.additionalFields" : "the schema module"),
    `import { compileSchema${extended ? ", withUserFields" : ""} } from "@appflare/schema";`,
    input.schemaExport === "default"
      ? `import schema from "${from}";`
      : `import { ${input.schemaExport} as schema } from "${from}";`,
    "",
    ...(extended
      ? [
          "// Extra `users` columns, as data (a function defaultValue is applied at run time only).",
          `const userFields = ${formatLiteral(fields, "const userFields = ".length, " as const;".length)} as const;`,
          "const appSchema = withUserFields(schema, userFields);",
          "",
        ]
      : []),
    items.length === 0
      ? "export {};"
      : formatBracedList(
          "export const { ",
          items,
          ` } = compileSchema(${extended ? "appSchema" : "schema"}).tables;`,
        ),
    "",
  ].join("\n");
}
