import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

/**
 * Test support shared by workerd suites: runs the real `drizzle-kit generate` over a compiled Appflare
 * schema into `workDir/migrations` and returns that folder, so tests apply exactly what drizzle-kit writes.
 * The drizzle schema module written here is the same thin re-export `appflare build` writes: one named
 * export per table and per relations object.
 *
 * @param schemaPath absolute path of a module whose default export is `schema(...)`
 * @param tableNames every table of the compiled model (app, auth and junction tables)
 * @param workDir scratch folder (wiped)
 * @param userFields Better Auth `user.additionalFields` as plain data (`plainUserFields`): the schema
 *   goes through `withUserFields` first, as in the `drizzle.schema.ts` codegen writes for such an app
 */
export function generateMigrations(
  schemaPath: string,
  tableNames: readonly string[],
  workDir: string,
  userFields: Readonly<Record<string, unknown>> = {},
): string {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  let rel = relative(workDir, schemaPath).replaceAll("\\", "/");
  if (!rel.startsWith(".")) rel = `./${rel}`;
  const extended = Object.keys(userFields).length > 0;
  const lines = [
    'import { compileSchema, withUserFields } from "@appflare/schema";',
    `import schema from "${rel}";`,
    extended
      ? `const { tables, relations } = compileSchema(withUserFields(schema, ${JSON.stringify(userFields)}));`
      : "const { tables, relations } = compileSchema(schema);",
    ...tableNames.map((t) => `export const ${t} = tables.${t};`),
    ...tableNames.map((t) => `export const ${t}Relations = relations.${t};`),
  ];
  writeFileSync(join(workDir, "drizzle.schema.ts"), `${lines.join("\n")}\n`);
  writeFileSync(
    join(workDir, "drizzle.config.ts"),
    'export default { dialect: "sqlite", schema: "./drizzle.schema.ts", out: "./migrations" };\n',
  );
  const require = createRequire(join(dirname(schemaPath), "package.json"));
  const bin = join(dirname(require.resolve("drizzle-kit")), "bin.cjs");
  execFileSync(process.execPath, [bin, "generate", "--config", "drizzle.config.ts", "--name", "init"], {
    cwd: workDir,
    stdio: "pipe",
  });
  return join(workDir, "migrations");
}
