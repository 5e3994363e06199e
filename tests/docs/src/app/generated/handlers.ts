// What `appflare build` writes as <outDir>/handlers.ts for the sample app (same shape, kept by hand in
// generated/, not _generated/, which git ignores).

import {
  type AppSchemaOf,
  type AuthContext,
  type AuthOptionsOf,
  defineHandlers,
  type HandlerContext,
  type SchedulerContext,
  type StorageClient,
} from "@appflare/server";
import type config from "../appflare.config";
import type schema from "../schema";
import type { Tasks } from "./tasks";

/** Worker bindings: those appflare.config.ts declares, plus whatever the app adds to `Cloudflare.Env`. */
export interface Env extends Cloudflare.Env {
  APPFLARE_QUEUE?: Queue;
  DB: D1Database;
  STORAGE: R2Bucket;
  KV?: KVNamespace;
}

/** `ctx.storage`: R2 access checked by the app's storage managers. */
export interface StorageExtension {
  readonly storage: StorageClient;
}

/** The schema as handlers see it: `users` has the config's `auth.options.user.additionalFields`. */
type AppSchema = AppSchemaOf<typeof schema, typeof config>;

/** What the runtime adds to `ctx`: the auth layer (`user`, `session`, `auth`), `scheduler`, `storage`. */
type Extension = AuthContext<AuthOptionsOf<typeof config>> & SchedulerContext<Tasks> & StorageExtension;

const builders = defineHandlers<AppSchema, Env, Extension>();
export const { query, mutation, scheduler, cron, storageManager } = builders;

/** `ctx` of queries, mutations and storage managers in this app. */
export type AppflareContext = HandlerContext<AppSchema, Env, Extension>;
