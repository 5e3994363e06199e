/**
 * Tool-only entry (`@appflare/server/internal`): what the CLI and tests use to load an app outside
 * the Worker — config resolution, handler collection, the auth runtime and admin bootstrap. Apps
 * import from `@appflare/server`; nothing here is needed in a Worker.
 */
export { type AuthRuntimeOptions, createAuthRuntime } from "./auth/createAuthRuntime";
export {
  type AdminAccount,
  type AdminResult,
  type AuthWithContext,
  createOrPromoteAdmin,
} from "./auth/createOrPromoteAdmin";
export { configSchema } from "./config/configSchema";
export { type ResolveConfigOptions, resolveConfig, workerNameFromPackage } from "./config/resolveConfig";
export { type CronSource, collectCronTriggers, cronSchedule } from "./cron/collectCronTriggers";
export { collectHandlers } from "./handlers/collectHandlers";
export { isHandlerDefinition } from "./handlers/HandlerDefinition";
export { handlerName } from "./handlers/handlerName";
