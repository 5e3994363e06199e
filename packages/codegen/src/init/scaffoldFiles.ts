import type { InitTemplate } from "./InitTemplate";
import { reactFiles } from "./reactFiles";

/**
 * The files `appflare init` writes: a tiny notes app (config, schema, one query, one mutation,
 * tsconfig, .gitignore), and with the React template a page in `web/`. They are the user's files from
 * then on, so they are plain, commented code.
 */

const config = `import { defineConfig } from "@appflare/server";

// Every key is optional. The Worker is named after package.json's "name"; the D1 database is
// "<name>-db". Add \`storage: { bucketName }\` for R2 uploads, \`cors: ["https://app.example.com"]\`, ...
export default defineConfig({});
`;

const schema = `import { schema, table, v } from "@appflare/schema";

export default schema({
  notes: table({
    id: v.uuid(),
    text: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    createdAt: v.date().defaultNow(),
  }),
});
`;

const notes = `import * as z from "zod";
import { mutation, query } from "../_generated/handlers";

/** GET /queries/notes/list?limit=20 — newest notes first. */
export const list = query({
  args: { limit: z.number().int().min(1).max(100).default(20) },
  handler: (ctx, args) =>
    ctx.db.notes.findMany({ orderBy: { column: "createdAt", direction: "desc" }, limit: args.limit }),
});

/** POST /mutations/notes/create { "text": "..." } — returns the new note. */
export const create = mutation({
  args: { text: z.string().min(1).max(2000) },
  handler: async (ctx, args) => {
    const [note] = await ctx.db.notes.insert({ values: { text: args.text } });
    return note;
  },
});
`;

const tsconfig = `{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2023"],
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "types": ["@cloudflare/workers-types"],
    "strict": true,
    "skipLibCheck": true,
    "isolatedModules": true,
    "verbatimModuleSyntax": true,
    "noEmit": true
  },
  "include": ["*.ts", "src", "_generated"]
}
`;

const gitignore = `node_modules/
_generated/
.wrangler/
web/dist/
`;

/**
 * File path (relative to the app folder) → content.
 *
 * @example
 * scaffoldFiles("backend")["schema.ts"];
 */
export function scaffoldFiles(template: InitTemplate): Record<string, string> {
  return {
    "appflare.config.ts": config,
    "schema.ts": schema,
    "src/notes.ts": notes,
    "tsconfig.json": tsconfig,
    ".gitignore": gitignore,
    ...(template === "react" ? reactFiles() : {}),
  };
}
