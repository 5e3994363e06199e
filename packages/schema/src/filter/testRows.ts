/** Row builders for the filter tests: complete rows of the fixture tables with sensible defaults. */
import type { WhereRow } from "./compileWhere";

export const MAY_FIRST = new Date("2024-05-01T00:00:00.000Z");

/** A complete `tasks` row (every column present), with `overrides` applied. */
export function taskRow(overrides: Record<string, unknown> = {}): WhereRow {
  return {
    id: 1,
    title: "Fix bug",
    done: false,
    priority: 2,
    score: 1.5,
    dueAt: MAY_FIRST,
    stage: "todo",
    flags: ["urgent"],
    items: [
      { sku: "A", qty: 2, price: 9.5, fragile: true, shippedAt: MAY_FIRST, size: "M", dims: { w: 1, h: 2 } },
    ],
    scores: [1, 2, 3],
    meta: { source: "import" },
    lat: 48.8566,
    lng: 2.3522,
    projectId: "p1",
    assigneeId: null,
    parentId: null,
    ...overrides,
  };
}

export function projectRow(overrides: Record<string, unknown> = {}): WhereRow {
  return {
    id: "p1",
    name: "Site",
    status: "active",
    tags: ["web"],
    settings: { color: "red", public: true },
    budget: 100,
    createdAt: MAY_FIRST,
    ownerId: "u1",
    ...overrides,
  };
}

export function userRow(overrides: Record<string, unknown> = {}): WhereRow {
  return { id: "u1", name: "Ann", email: "ann@example.com", ...overrides };
}

export function labelRow(overrides: Record<string, unknown> = {}): WhereRow {
  return { id: 1, name: "bug", color: null, ...overrides };
}
