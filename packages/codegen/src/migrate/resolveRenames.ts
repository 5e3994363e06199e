import { CliError } from "../errors/CliError";
import type { ColumnNameChanges, NameChanges } from "./diffNames";

/** Asks the user to pick one of `choices` (index), when a terminal is attached. */
export type AskChoice = (question: string, choices: readonly string[]) => Promise<number>;

/** How ambiguous disappear/appear pairs are settled. */
export interface RenameInputs {
  /** From `--rename old=new`. */
  readonly table: readonly (readonly [string, string])[];
  /** From `--rename table.old=new` (table by its old or new name). */
  readonly column: readonly (readonly [string, string, string])[];
  /** Present only with a terminal: asks about what the flags leave open. */
  readonly ask?: AskChoice;
  /** `--allow-data-loss`: what is still open is a drop plus an add. */
  readonly allowDataLoss: boolean;
}

const list = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(", ");

/** What is being settled: `table` or `column`, and how a name is shown (`books.author`). */
interface Subject {
  readonly kind: "table" | "column";
  readonly show: (name: string) => string;
}

/**
 * Settles `pairs` (gone, new) candidates from flags, then the terminal, else refuses: without a TTY
 * an open question is an error naming the candidates and the flag that answers it, never a silent
 * drop. Returns old → new.
 */
async function settle(
  subject: Subject,
  deleted: readonly string[],
  created: readonly string[],
  given: readonly (readonly [string, string])[],
  inputs: RenameInputs,
  flagFor: (from: string, to: string) => string,
): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  for (const [from, to] of given) {
    if (!deleted.includes(from) || !created.includes(to)) {
      throw new CliError(
        `${flagFor(from, to)}: ${subject.kind} ${subject.show(from)} → ${to} is not a rename this schema change can make (gone: ${list(deleted.map(subject.show)) || "none"}; new: ${list(created.map(subject.show)) || "none"}). Names are SQL names, as in the schema.`,
      );
    }
    renames.set(from, to);
  }
  let gone = deleted.filter((d) => !renames.has(d));
  const fresh = created.filter((c) => ![...renames.values()].includes(c));
  if (gone.length === 0 || fresh.length === 0) return renames;
  if (inputs.ask) {
    for (const to of fresh) {
      if (gone.length === 0) break;
      const choice = await inputs.ask(`${subject.kind} \`${subject.show(to)}\` is new. Is it a rename?`, [
        `no: create \`${to}\`${gone.length > 0 ? " (and drop what is gone)" : ""}`,
        ...gone.map((from) => `yes: rename \`${from}\` → \`${to}\` (keeps its data)`),
      ]);
      const from = gone[choice - 1];
      if (from) {
        renames.set(from, to);
        gone = gone.filter((g) => g !== from);
      }
    }
    return renames;
  }
  if (inputs.allowDataLoss) return renames;
  const flags = gone.flatMap((from) => fresh.map((to) => flagFor(from, to)));
  const many = (names: readonly string[]) => (names.length === 1 ? "is" : "are");
  throw new CliError(
    `Ambiguous schema change: ${subject.kind} ${list(gone.map(subject.show))} ${many(gone)} gone and ${list(fresh.map(subject.show))} ${many(fresh)} new. ` +
      `If that is a rename, say so: \`appflare migrate ${flags[0]}\`${flags.length > 1 ? ` (candidates: ${flags.join(", ")})` : ""}. ` +
      `To drop ${list(gone.map(subject.show))} with ${gone.length === 1 ? "its" : "their"} data instead, pass --allow-data-loss. (No terminal to ask in: nothing was generated.)`,
  );
}

/**
 * Table renames for `changes.tables`, from `--rename old=new`, a prompt, or an error.
 *
 * @example
 * await resolveTableRenames(changes, { table: [["authors", "writers"]], column: [], allowDataLoss: false });
 */
export async function resolveTableRenames(
  changes: NameChanges,
  inputs: RenameInputs,
): Promise<Map<string, string>> {
  const { deleted, created } = changes.tables;
  const subject: Subject = { kind: "table", show: (name) => name };
  return settle(subject, deleted, created, inputs.table, inputs, (from, to) => `--rename ${from}=${to}`);
}

/**
 * Column renames per table (new table name → old column → new column), after table renames.
 *
 * @example
 * await resolveColumnRenames([{ table: "books", deleted: ["author"], created: ["writer"] }], tableRenames, inputs);
 */
export async function resolveColumnRenames(
  changes: readonly ColumnNameChanges[],
  tableRenames: ReadonlyMap<string, string>,
  inputs: RenameInputs,
): Promise<Map<string, Map<string, string>>> {
  const newName = (table: string) => tableRenames.get(table) ?? table;
  for (const [table, from, to] of inputs.column) {
    if (!changes.some((c) => c.table === newName(table))) {
      throw new CliError(
        `--rename ${table}.${from}=${to}: table \`${table}\` has no gone or new column in this schema change.`,
      );
    }
  }
  const result = new Map<string, Map<string, string>>();
  for (const change of changes) {
    const given = inputs.column
      .filter(([table]) => newName(table) === change.table)
      .map(([, from, to]) => [from, to] as const);
    const renames = await settle(
      { kind: "column", show: (name) => `${change.table}.${name}` },
      change.deleted,
      change.created,
      given,
      inputs,
      (from, to) => `--rename ${change.table}.${from}=${to}`,
    );
    if (renames.size > 0) result.set(change.table, renames);
  }
  return result;
}
