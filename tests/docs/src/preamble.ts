import type { AppflareContext } from "./app/generated/handlers";

/**
 * What every docs/ sample may use without importing it: the `ctx` of a handler of the sample app.
 * Samples that define handlers shadow it with their own `ctx` parameter.
 */
export declare const ctx: AppflareContext;
