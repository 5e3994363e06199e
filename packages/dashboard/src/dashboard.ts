import { getSchemaModel } from "@appflare/schema";
import type { AppflarePlugin } from "@appflare/server";
import type { DashboardOptions } from "./DashboardOptions";
import { mountDashboard } from "./http/mountDashboard";

/**
 * The admin dashboard as a `createWorker` plugin: served at `config.dashboard.path` (`/admin`) to
 * users with the `admin` role. Tables (browse, filter, edit with the schema's validation), an audit
 * log with undo, users (Better Auth admin API) and functions (run as any user). Options override the
 * app config's `dashboard` key.
 *
 * @example
 * const app = createWorker({ schema, config, modules, plugins: [dashboard()] });
 * export default app.worker;
 */
export function dashboard<Env extends object = Cloudflare.Env>(
  options: DashboardOptions = {},
): AppflarePlugin<Env> {
  return {
    name: "dashboard",
    setup(host) {
      const settings = host.config.dashboard;
      if (!settings.enabled && options.path === undefined) return undefined;
      const base = (options.path ?? settings.path).replace(/\/+$/, "");
      if (!base.startsWith("/") || base === "") {
        throw new Error(
          `dashboard: path "${options.path ?? settings.path}" must start with "/" and not be the root`,
        );
      }
      mountDashboard({
        host,
        base,
        readOnly: options.readOnly ?? settings.readOnly,
        role: options.role ?? "admin",
        model: getSchemaModel(host.schema),
      });
      return undefined;
    },
  };
}
