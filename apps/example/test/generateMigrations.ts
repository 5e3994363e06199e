import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Runs the real `drizzle-kit generate` over the compiled example schema into a scratch folder and
 * returns that folder, so the workerd tests apply exactly what drizzle-kit writes.
 * The drizzle schema module is the same thin re-export `appflare build` writes: one named export per table.
 */
export function generateMigrations(tableNames: readonly string[]): string {
  const work = join(here, "..", ".test-migrations");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const schemaPath = relative(work, join(here, "..", "schema.ts")).replaceAll("\\", "/");
  const lines = [
    'import { compileSchema } from "@appflare/schema";',
    `import schema from "${schemaPath}";`,
    "const { tables, relations } = compileSchema(schema);",
    ...tableNames.map((t) => `export const ${t} = tables.${t};`),
    ...tableNames.map((t) => `export const ${t}Relations = relations.${t};`),
  ];
  writeFileSync(join(work, "drizzle.schema.ts"), `${lines.join("\n")}\n`);
  writeFileSync(
    join(work, "drizzle.config.json"),
    JSON.stringify({ dialect: "sqlite", schema: "./drizzle.schema.ts", out: "./migrations" }),
  );
  execFileSync("drizzle-kit", ["generate", "--config", "drizzle.config.json", "--name", "init"], {
    cwd: work,
    stdio: "pipe",
  });
  return join(work, "migrations");
}
