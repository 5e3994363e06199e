import type { AppflareContext } from "./app/_generated/handlers";

/**
 * What a docs/ fragment (a ```ts block without imports) may use without importing it: the `ctx` of a
 * handler of the sample app. Blocks that import anything get no preamble and must be complete modules.
 */
export declare const ctx: AppflareContext;
