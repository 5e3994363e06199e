import type { NormalizedScalar } from "@appflare/schema";
import type { RelationPlan } from "./ReadPlan";

/** What decoding saw of one `with` relation, across all parent rows: the keys a read records. */
export interface RelationSeen {
  /** Values of the relation's `sourceField` on the parent rows (FKs for `one`, ids for `many`). */
  readonly parentKeys: Set<NormalizedScalar>;
  /** manyToMany: `targetField` values of the loaded target rows. */
  readonly loadedKeys: Set<NormalizedScalar>;
  /** Some parent's list may have been cut by limit/offset, so not every linked row was loaded. */
  truncated: boolean;
}

/**
 * Accumulates, while rows are decoded, the keys that scope each `with` load's read record
 * (src/db/read/README.md, "What a read records"): per relation plan, the parent keys it joined on and,
 * for manyToMany, the target keys it loaded.
 *
 * @example
 * const collector = new ReadCollector();
 * const rows = decodeRows(plan, raw, collector);
 * recordWithReads(runtime.reads, plan, collector);
 */
export class ReadCollector {
  readonly #seen = new Map<RelationPlan, RelationSeen>();

  /** The entry of a relation plan, created on first use. */
  seen(plan: RelationPlan): RelationSeen {
    let entry = this.#seen.get(plan);
    if (entry === undefined) {
      entry = { parentKeys: new Set(), loadedKeys: new Set(), truncated: false };
      this.#seen.set(plan, entry);
    }
    return entry;
  }

  /** Entry of a plan if any parent row reached it. */
  get(plan: RelationPlan): RelationSeen | undefined {
    return this.#seen.get(plan);
  }
}

/** A decoded key value in the normalized where value space (Date → epoch ms); null/undefined → undefined. */
export function keyValue(value: unknown): NormalizedScalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}
