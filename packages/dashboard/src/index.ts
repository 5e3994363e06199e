export type { AppflarePlugin, PluginHooks, PluginHost } from "@appflare/server";
export type { DashboardOptions } from "./DashboardOptions";
export { dashboard } from "./dashboard";
export { canonicalPath } from "./http/canonicalPath";
export { DASHBOARD_CSP } from "./http/securityHeaders";
