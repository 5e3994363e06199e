import { banner } from "./banner";
import { fromRoot } from "./fromRoot";

/** Where the app's drizzle-kit inputs and outputs are, as absolute paths. */
export interface DrizzleConfigFileInput {
  readonly root: string;
  /** `<outDir>/drizzle.schema.ts`. */
  readonly schemaModule: string;
  readonly migrationsDir: string;
  /** The local D1 SQLite file (`localD1File`). */
  readonly localDatabase: string;
}

/**
 * `<outDir>/drizzle.config.ts`: the same schema module and migrations folder `appflare migrate` hands
 * drizzle-kit, plus the local D1 file, so drizzle-kit's own commands work in the app folder
 * (`npx drizzle-kit check --config _generated/drizzle.config.ts`, `… studio …`). A plain object with
 * no imports: it type-checks under Workers types without Node's or drizzle-kit's.
 *
 * @example
 * renderDrizzleConfigFile({ root: "/app", schemaModule: "/app/_generated/drizzle.schema.ts", migrationsDir: "/app/migrations", localDatabase: "/app/.wrangler/…/x.sqlite" });
 */
export function renderDrizzleConfigFile(input: DrizzleConfigFileInput): string {
  // drizzle-kit resolves these paths against its working directory: the app folder.
  const config = fromRoot(input.root, input.schemaModule).replace(
    /drizzle\.schema\.ts$/,
    "drizzle.config.ts",
  );
  return [
    banner("the config's schema, outDir and database settings"),
    `// Run drizzle-kit from the app folder: npx drizzle-kit check --config ${config.replace(/^\.\//, "")}`,
    "// studio opens the local D1 database (after `appflare migrate --local` or `appflare dev`);",
    "// it needs better-sqlite3 or @libsql/client installed in the app.",
    "export default {",
    '  dialect: "sqlite",',
    `  schema: ${JSON.stringify(fromRoot(input.root, input.schemaModule))},`,
    `  out: ${JSON.stringify(fromRoot(input.root, input.migrationsDir))},`,
    "  dbCredentials: {",
    `    url: ${JSON.stringify(fromRoot(input.root, input.localDatabase))},`,
    "  },",
    "};",
    "",
  ].join("\n");
}
