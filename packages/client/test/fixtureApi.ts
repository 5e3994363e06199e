import type { ApiFromModules } from "@appflare/server";
import type * as account from "./fixture/src/account";
import type * as tasks from "./fixture/src/tasks";

/**
 * The fixture app's `Api`, as the generated `_generated/api.ts` spells it (type-only: the test process
 * never loads the handler modules).
 */
export type FixtureApi = ApiFromModules<{ tasks: typeof tasks; account: typeof account }>;
