import type { Appflare } from "./app/generated/client";

/**
 * Names every client-side sample (ts or tsx) takes as given: the page's client and ids. Globals, so a
 * sample may declare its own.
 */
declare global {
  const appflare: InstanceType<typeof Appflare>;
  const projectId: string;
  const userId: string;
  const file: Blob;
  function render(value: unknown): void;
}
