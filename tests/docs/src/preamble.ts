import type { Appflare } from "./app/generated/client";
import type { AppflareContext } from "./app/generated/handlers";

/**
 * What every docs/ sample may use without importing it: the `ctx` of a handler of the sample app.
 * Samples that define handlers shadow it with their own `ctx` parameter.
 */
export declare const ctx: AppflareContext;

/**
 * Names the client-side samples take as given (a page's own variables, and the browser's `localStorage`,
 * which the Workers types this program uses do not declare). Globals, so a sample may declare its own.
 */
declare global {
  const appflare: InstanceType<typeof Appflare>;
  const projectId: string;
  const userId: string;
  const file: Blob;
  function render(value: unknown): void;
  const localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
}
