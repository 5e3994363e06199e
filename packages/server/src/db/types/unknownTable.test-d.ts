import { describe, expectTypeOf, it } from "vitest";
import type example from "../../../test/boardSchema";
import type { AppSchemaOf } from "../../auth/AppSchemaOf";
import type { Db } from "./TableClient";

// What `appflare build` generates: an interface over the schema, so type errors print `Db<AppSchema>`
// rather than the whole schema type (see codegen's renderHandlersFile).
interface AppSchema extends AppSchemaOf<typeof example, {}> {}
declare const db: Db<AppSchema>;
declare const plain: Db<AppSchemaOf<typeof example, {}>>;

describe("ctx.db over an interface-wrapped schema", () => {
  it("has the same tables and row types as over the schema type itself", async () => {
    expectTypeOf<keyof Db<AppSchema>>().toEqualTypeOf<keyof typeof plain>();
    const rows = await db.projects.findMany({ with: { tasks: true } });
    const same = await plain.projects.findMany({ with: { tasks: true } });
    expectTypeOf(rows).toEqualTypeOf(same);
    expectTypeOf(rows[0]?.tasks[0]?.title).toEqualTypeOf<string | undefined>();
  });

  it("refuses an unknown table", () => {
    // @ts-expect-error no table "nope" (TypeScript: Property 'nope' does not exist on type 'Db<AppSchema>')
    void db.nope;
  });
});
