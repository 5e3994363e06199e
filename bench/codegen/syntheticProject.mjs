// Writes a synthetic Appflare app: `tables` tables and `tables * perTable` handlers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const pad = (i) => String(i).padStart(3, "0");

/** Schema with a chain of nullable relations, so resolution and FKs have work to do. */
function schemaSource(tables) {
  const lines = ['import { schema, table, v } from "@appflare/schema";', "", "export default schema({"];
  for (let i = 0; i < tables; i++) {
    lines.push(`  t${pad(i)}: table({`);
    lines.push("    id: v.uuid(),");
    lines.push("    name: v.string().notNull(),");
    lines.push("    count: v.int().notNull().default(0),");
    lines.push("    done: v.boolean().notNull().default(false),");
    lines.push("    tags: v.array(v.string()),");
    lines.push("    createdAt: v.date().notNull().defaultNow(),");
    if (i > 0) lines.push(`    parent: v.one("t${pad(i - 1)}", { nullable: true, onDelete: "set null" }),`);
    lines.push("  }),");
  }
  lines.push("});", "");
  return lines.join("\n");
}

/** One module per table with list/get/create/update/remove (perTable = 5) handlers using ctx.db. */
export function handlerSource(table, perTable, variant = 0) {
  const t = `t${pad(table)}`;
  const all = [
    `export const list = query({\n  args: { limit: z.number().int().max(100).default(20) },\n  handler: (ctx, args) => ctx.db.${t}.findMany({ where: { done: false }, limit: args.limit + ${variant} }),\n});`,
    `export const get = query({\n  args: { id: z.string() },\n  handler: (ctx, args) => ctx.db.${t}.findFirst({ where: { id: args.id } }),\n});`,
    `export const create = mutation({\n  args: { name: z.string() },\n  handler: async (ctx, args) => (await ctx.db.${t}.insert({ values: { name: args.name } }))[0],\n});`,
    `export const update = mutation({\n  args: { id: z.string(), name: z.string() },\n  handler: (ctx, args) => ctx.db.${t}.update({ where: { id: args.id }, set: { name: args.name } }),\n});`,
    `export const remove = mutation({\n  args: { id: z.string() },\n  handler: (ctx, args) => ctx.db.${t}.delete({ where: { id: args.id } }),\n});`,
  ];
  return [
    'import * as z from "zod";',
    'import { mutation, query } from "../_generated/handlers";',
    "",
    ...all.slice(0, perTable).flatMap((h) => [h, ""]),
  ].join("\n");
}

/** Writes the app into `dir` (which must already have node_modules able to resolve @appflare/*). */
export function writeSyntheticProject(dir, { tables, perTable }) {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "bench-app", private: true, type: "module" })}\n`,
  );
  writeFileSync(
    join(dir, "appflare.config.ts"),
    'import { defineConfig } from "@appflare/server";\n\nexport default defineConfig({ name: "bench-app" });\n',
  );
  writeFileSync(join(dir, "schema.ts"), schemaSource(tables));
  for (let i = 0; i < tables; i++)
    writeFileSync(join(dir, "src", `t${pad(i)}.ts`), handlerSource(i, perTable));
  writeFileSync(
    join(dir, "tsconfig.json"),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2023"],
          module: "ESNext",
          moduleResolution: "Bundler",
          customConditions: ["development"],
          types: ["@cloudflare/workers-types"],
          strict: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ["*.ts", "src", "_generated"],
      },
      null,
      2,
    )}\n`,
  );
}
