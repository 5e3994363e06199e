import { insertBenchUser } from "./insertBenchUser";

export interface SeedProjectsOptions {
  /** How many projects: ids 00000000-0000-4000-8000-0000000000NN from 0, every third archived. */
  readonly projects: number;
  /** Labels linked to each task: label (task % 5) + 1, and with 2 also ((task + 2) % 5) + 1. */
  readonly labelsPerTask: 1 | 2;
  /** Further columns written on every project row (column name → value). */
  readonly projectColumns?: Readonly<Record<string, unknown>>;
  /** Further columns written on every task row (column name → value). */
  readonly taskColumns?: Readonly<Record<string, unknown>>;
}

/**
 * Seeds the example schema in ONE `batch`: user "u1", labels 1–5, `projects` projects owned by u1, each
 * with 8 tasks (ids 1, 2, … in order; every second done; estimate t × 1.5 hours) linked to their labels.
 */
export async function seedProjects(db: D1Database, options: SeedProjectsOptions): Promise<void> {
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    return db
      .prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      )
      .bind(...Object.values(row));
  };
  const s: D1PreparedStatement[] = [insertBenchUser(db)];
  for (let l = 1; l <= 5; l++) s.push(insert("labels", { id: l, name: `label ${l}`, color: "#888888" }));
  let task = 1;
  for (let p = 0; p < options.projects; p++) {
    const id = `00000000-0000-4000-8000-${String(p).padStart(12, "0")}`;
    s.push(
      insert("projects", {
        id,
        name: `Project ${p}`,
        slug: `p-${p}`,
        status: p % 3 === 2 ? "archived" : "active",
        budget: p * 10.5,
        created_at: 1_700_000_000_000 + p,
        owner_id: "u1",
        ...options.projectColumns,
      }),
    );
    for (let t = 0; t < 8; t++, task++) {
      s.push(
        insert("tasks", {
          id: task,
          title: `Task ${task}`,
          done: t % 2,
          estimate_hours: t * 1.5,
          created_at: 1_700_000_000_000 + task,
          project_id: id,
          ...options.taskColumns,
        }),
      );
      s.push(insert("labels_tasks_links", { label_id: (task % 5) + 1, task_id: task }));
      if (options.labelsPerTask === 2) {
        s.push(insert("labels_tasks_links", { label_id: ((task + 2) % 5) + 1, task_id: task }));
      }
    }
  }
  await db.batch(s);
}
