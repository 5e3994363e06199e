import { join } from "node:path";
import { CliError } from "../errors/CliError";
import { explainApplyFailure } from "./explainApplyFailure";
import type { MigrationPlan } from "./planMigration";
import { d1ErrorMessage, type ScratchDatabase } from "./ScratchDatabase";

/** What the scratch run found out. */
export interface MigrationCheck {
  /** Rows per table before the new migration (pending migrations applied). */
  readonly rowsBefore: ReadonlyMap<string, number>;
  readonly rowsAfter: ReadonlyMap<string, number>;
  /** Human lines naming each piece of data the migration drops or rebuilds, with counts. */
  readonly dataLoss: readonly string[];
}

/** Inputs of {@link checkMigration}. */
export interface CheckInputs {
  readonly plan: MigrationPlan;
  /** Name the migration would get (for messages). */
  readonly migration: string;
  readonly migrationsDir: string;
  /** `.sql` files in `migrations/`, in order. */
  readonly files: readonly string[];
  readonly schemaFile: string;
}

const rows = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

/** Applies the files of `migrations/` the scratch copy has not seen yet, as wrangler will first. */
async function applyPending(scratch: ScratchDatabase, inputs: CheckInputs): Promise<void> {
  const applied = await scratch.appliedMigrations();
  for (const file of inputs.files.filter((f) => !applied.has(f))) {
    try {
      await scratch.applyFile(join(inputs.migrationsDir, file));
    } catch (error) {
      throw new CliError(
        `Migration ${file}, already in migrations/ but not applied locally, fails on a copy of the local database: ${d1ErrorMessage(error)}. Fix or remove that file (and its meta/ snapshot and journal entry) first; nothing was written.`,
        { file: join(inputs.migrationsDir, file) },
      );
    }
  }
}

/**
 * Tries the planned migration on a scratch copy of the local database, after the pending ones:
 * a failure becomes an error naming the field and the fix; a table that is neither dropped nor
 * renamed must keep every row (a rebuild that loses rows — a cascade, a filtered copy — is refused
 * whatever the flags); and each drop or rebuild is listed with the rows it concerns.
 *
 * @example
 * const check = await checkMigration(scratch, { plan, migration: "0003_books", migrationsDir, files, schemaFile });
 */
export async function checkMigration(scratch: ScratchDatabase, inputs: CheckInputs): Promise<MigrationCheck> {
  const { plan } = inputs;
  await applyPending(scratch, inputs);
  const rowsBefore = await scratch.rowCounts();
  const dataLoss: string[] = [];
  for (const table of plan.droppedTables) {
    dataLoss.push(`drops table \`${table}\` (${rows(rowsBefore.get(table) ?? 0)})`);
  }
  const oldName = new Map([...plan.tableRenames].map(([from, to]) => [to, from]));
  for (const [table, columns] of plan.droppedColumns) {
    const source = oldName.get(table) ?? table;
    for (const column of columns) {
      const values = rowsBefore.has(source) ? await scratch.valueCount(source, column) : 0;
      dataLoss.push(
        `drops column \`${table}.${column}\` (${rows(values)} with a value, of ${rows(rowsBefore.get(source) ?? 0)})`,
      );
    }
  }
  for (const table of plan.recreatedTables) {
    dataLoss.push(
      `rebuilds table \`${table}\` to change a constraint or type (${rows(rowsBefore.get(oldName.get(table) ?? table) ?? 0)} copied into the new table, then the old one is dropped)`,
    );
  }
  try {
    await scratch.apply(plan.statements);
  } catch (error) {
    throw explainApplyFailure({
      message: d1ErrorMessage(error),
      statements: plan.statements,
      rows: rowsBefore,
      migration: inputs.migration,
      schemaFile: inputs.schemaFile,
    });
  }
  const rowsAfter = await scratch.rowCounts();
  const lost: string[] = [];
  for (const [table, before] of rowsBefore) {
    if (plan.droppedTables.includes(table)) continue;
    const now = plan.tableRenames.get(table) ?? table;
    const after = rowsAfter.get(now) ?? 0;
    if (after < before) lost.push(`\`${now}\` would go from ${rows(before)} to ${after}`);
  }
  if (lost.length > 0) {
    throw new CliError(
      `The migration loses rows on a copy of the local database: ${lost.join("; ")}. It was not kept (nothing was written to migrations/). A table rebuild can delete rows through ON DELETE CASCADE foreign keys: change the schema in smaller steps.`,
      { file: inputs.schemaFile },
    );
  }
  return { rowsBefore, rowsAfter, dataLoss };
}
