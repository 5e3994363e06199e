/**
 * Random, FK-consistent contents for every fixture table, from the filter model's row arbitraries
 * (so values come from the same edge-case pools the generated wheres compare against).
 */
import fc from "fast-check";
import { rowArbitrary } from "../../../../schema/test/arbitraries";
import { type Dataset, items, labels, notes, owners } from "./fixtureData";

const OWNER_IDS = ["o-1", "o-2", "o-3"];

/** 0–3 owners, 0–3 labels, 0–8 items (self-referencing parents), 0–6 notes, random item↔label links. */
export const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record({
    owners: fc.array(rowArbitrary(owners), { maxLength: 3 }),
    labels: fc.array(rowArbitrary(labels), { maxLength: 3 }),
    items: fc.array(rowArbitrary(items), { maxLength: 8 }),
    notes: fc.array(rowArbitrary(notes), { maxLength: 6 }),
    picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map(({ owners: o, labels: l, items: it, notes: n, picks }) => {
    let p = 0;
    const pick = <T>(choices: readonly T[]): T => choices[picks[p++ % picks.length]! % choices.length]!;
    const ownerRows = o.map((row, i) => ({ ...row, id: OWNER_IDS[i]! }));
    const labelRows = l.map((row, i) => ({ ...row, id: i + 1 }));
    const itemRows = it.map((row, i) => ({
      ...row,
      id: i + 1,
      ownerId: pick([null, ...ownerRows.map((r) => r.id)]),
      parentId: pick([null, ...Array.from({ length: i }, (_, k) => k + 1)]),
    }));
    const noteRows =
      itemRows.length === 0
        ? []
        : n.map((row, i) => ({ ...row, id: i + 1, itemId: pick(itemRows.map((r) => r.id)) }));
    const linkRows: Record<string, unknown>[] = [];
    for (const item of itemRows) {
      for (const label of labelRows)
        if (pick([false, true, false])) linkRows.push({ itemId: item.id, labelId: label.id });
    }
    return {
      owners: ownerRows,
      labels: labelRows,
      items: itemRows,
      notes: noteRows,
      itemsLabelsLinks: linkRows,
    };
  });
