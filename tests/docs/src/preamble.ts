import type { AppflareContext } from "./app/generated/handlers";
import "./globals";

/**
 * What every docs/ sample may use without importing it: the `ctx` of a handler of the sample app.
 * Samples that define handlers shadow it with their own `ctx` parameter.
 */
export declare const ctx: AppflareContext;

/** The browser's `localStorage`, which the Workers types this program uses do not declare. */
declare global {
  const localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
}
