/**
 * Thrown by `evaluateWhere` when a relation filter (`{ project: { name: "x" } }`) must be decided
 * but the row does not carry that relation's data (`row.project`). The realtime matcher treats
 * it as "may match" (see `matchesWhere`); a caller that wants an answer loads the relation first.
 *
 * @example
 * try {
 *   evaluateWhere(tasks, { project: { name: "Site" } }, { id: 1, projectId: "p1" });
 * } catch (error) {
 *   if (error instanceof RelationDataNeededError) console.log(error.table, error.relation); // tasks project
 * }
 */
export class RelationDataNeededError extends Error {
  override readonly name = "RelationDataNeededError";
  /** Table whose row lacked the data. */
  readonly table: string;
  /** Relation name, i.e. the key the row should have carried. */
  readonly relation: string;

  constructor(table: string, relation: string) {
    super(
      `Evaluating this where needs the data of relation "${relation}" on the "${table}" row: ` +
        `load it into row.${relation} (an object or null for a one relation, an array for many/manyToMany).`,
    );
    this.table = table;
    this.relation = relation;
  }
}
