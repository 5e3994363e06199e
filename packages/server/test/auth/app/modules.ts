import * as account from "./account";
import * as admin from "./admin";

/** What the generated `<outDir>/api.ts` lists for the auth test app. */
export const modules = { account, admin };
