import type { SchemaModel } from "@appflare/schema";
import type { AppEnv, PluginHost, ResolvedSession } from "@appflare/server";
import type { Context } from "hono";

/** Everything a dashboard route needs: the host seam plus the resolved dashboard settings. */
export interface DashboardRuntime<Env extends object> {
  readonly host: PluginHost<Env>;
  /** Base path, no trailing slash (`/admin`). */
  readonly base: string;
  readonly readOnly: boolean;
  readonly role: string;
  readonly model: SchemaModel;
}

/** Hono env of the dashboard sub-app: the caller (an admin, once past the gate) and the CSRF token. */
export interface DashboardEnv<Env extends object> {
  Bindings: Env;
  Variables: AppEnv<Env>["Variables"] & {
    admin: ResolvedSession;
    csrf: string;
  };
}

export type DashboardContext<Env extends object> = Context<DashboardEnv<Env>>;
