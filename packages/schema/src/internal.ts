/**
 * Helpers shared by the Appflare packages (`@appflare/schema/internal`), not part of the public API:
 * they may change in any release. Apps import from `@appflare/schema`.
 */
export { describeValue } from "./values/describeValue";
export { isPlainObject } from "./values/isPlainObject";
