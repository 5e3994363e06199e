import { banner } from "./banner";
import { formatBracedList } from "./formatList";
import { isIdentifier, propertyKey } from "./identifiers";
import { importSpecifier } from "./importSpecifier";

/** What drizzle-kit needs: the schema module and the name of every table of its model. */
export interface DrizzleSchemaFileInput {
  readonly outDir: string;
  readonly schemaFile: string;
  readonly schemaExport: string;
  /** Every table of the compiled model (app, auth and junction tables). */
  readonly tables: readonly string[];
}

/**
 * `<outDir>/drizzle.schema.ts`: the compiled Drizzle tables as named exports, which is how drizzle-kit
 * finds tables (`appflare migrate` points it here). A table whose name is not a valid binding gets an
 * alias; drizzle-kit reads the table's own SQL name, not the export name.
 *
 * @example
 * renderDrizzleSchemaFile({ outDir: "/app/_generated", schemaFile: "/app/schema.ts", schemaExport: "default", tables: ["tasks"] });
 */
export function renderDrizzleSchemaFile(input: DrizzleSchemaFileInput): string {
  const from = importSpecifier(input.outDir, input.schemaFile);
  const items = [...input.tables]
    .sort()
    .map((name, i) => (isIdentifier(name) ? name : `${propertyKey(name)}: table_${i}`));
  return [
    banner("the schema module"),
    'import { compileSchema } from "@appflare/schema";',
    input.schemaExport === "default"
      ? `import schema from "${from}";`
      : `import { ${input.schemaExport} as schema } from "${from}";`,
    "",
    items.length === 0
      ? "export {};"
      : formatBracedList("export const { ", items, " } = compileSchema(schema).tables;"),
    "",
  ].join("\n");
}
