import { CliError } from "../errors/CliError";
import type { ProjectPaths } from "../project/ProjectPaths";
import { checkMigration } from "./checkMigration";
import { drizzleKitApiUrl, loadSnapshot } from "./loadSnapshot";
import { localDatabase } from "./localDatabase";
import { MigrationFolder, type WrittenMigration } from "./MigrationFolder";
import { migrationName, planMigration, type SnapshotDiffer } from "./planMigration";
import type { RenameInputs } from "./resolveRenames";
import { ScratchDatabase } from "./ScratchDatabase";

/** What {@link generateMigration} needs besides the project. */
export interface GenerateInputs extends RenameInputs {
  readonly binding: string;
  /** `--name`: the migration's file name after its number. */
  readonly name?: string;
  /** wrangler's local state folder the check copies the database from (`.wrangler/state` by default). */
  readonly localState?: string;
}

/** The migration kept in `migrations/` (with what it drops, allowed), or none when nothing changed. */
export interface GeneratedMigration {
  readonly written: WrittenMigration | undefined;
  readonly dataLoss: readonly string[];
  readonly renames: readonly string[];
}

async function loadDiffer(root: string): Promise<SnapshotDiffer> {
  const imported = (await import(drizzleKitApiUrl(root))) as {
    generateSQLiteMigration?: SnapshotDiffer;
    default?: { generateSQLiteMigration: SnapshotDiffer };
  };
  const differ = imported.generateSQLiteMigration ?? imported.default?.generateSQLiteMigration;
  if (!differ)
    throw new CliError("This drizzle-kit has no generateSQLiteMigration API: install drizzle-kit 0.31");
  return differ;
}

const slug = (name: string) => name.replace(/[^\w-]+/g, "_").replace(/^_+|_+$/g, "") || "migration";

/**
 * Generates the next migration from the schema (see `planMigration`), tries it on a scratch copy of
 * the local database (`checkMigration`), refuses drops and table rebuilds without `allowDataLoss`,
 * and only then writes it to `migrations/` in drizzle-kit's layout. Any refusal leaves `migrations/`
 * exactly as it was.
 *
 * @example
 * const { written } = await generateMigration(paths, { binding: "DB", table: [], column: [], allowDataLoss: false });
 */
export async function generateMigration(
  paths: ProjectPaths,
  inputs: GenerateInputs,
): Promise<GeneratedMigration> {
  const folder = new MigrationFolder(paths.migrationsDir);
  const prev = folder.latestSnapshot();
  const cur = await loadSnapshot(paths, prev.id);
  const plan = await planMigration(prev, cur, await loadDiffer(paths.root), inputs);
  const renames = [
    ...[...plan.tableRenames].map(([from, to]) => `table ${from} → ${to}`),
    ...[...plan.columnRenames].flatMap(([t, r]) => [...r].map(([from, to]) => `column ${t}.${from} → ${to}`)),
  ];
  if (plan.statements.length === 0) return { written: undefined, dataLoss: [], renames };
  const idx = folder.entries().length;
  const name = inputs.name ? slug(inputs.name) : migrationName(plan, idx);
  const scratch = await ScratchDatabase.open(
    localDatabase(paths.wranglerFile, inputs.binding, inputs.localState),
    paths.cacheDir,
    paths.root,
  );
  let dataLoss: readonly string[];
  try {
    const check = await checkMigration(scratch, {
      plan,
      migration: name,
      migrationsDir: paths.migrationsDir,
      files: folder.sqlFiles(),
      schemaFile: paths.schemaFile,
    });
    dataLoss = check.dataLoss;
  } finally {
    await scratch.dispose();
  }
  if (dataLoss.length > 0 && !inputs.allowDataLoss) {
    throw new CliError(
      `This schema change would lose data, so no migration was written:\n${dataLoss.map((d) => `  - ${d}`).join("\n")}\n` +
        "If a dropped column or table was renamed, say so with --rename table.old=new (or --rename old=new for a table). " +
        "To go ahead, back the data up (wrangler d1 export) and run `appflare migrate --allow-data-loss`.",
      { file: paths.schemaFile },
    );
  }
  const written = folder.write({ name, statements: plan.statements, snapshot: plan.snapshot });
  return { written, dataLoss, renames };
}
