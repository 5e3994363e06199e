import type { AnyHandlerDefinition, HandlerKind } from "./HandlerDefinition";
import { isHandlerDefinition } from "./HandlerDefinition";
import { handlerName } from "./handlerName";

/** One handler found in the app's modules. */
export interface CollectedHandler {
  /** `blog/posts/list` (see `handlerName`). */
  readonly name: string;
  readonly kind: HandlerKind;
  /** Key of the module in `modules` (path under scanDir). */
  readonly modulePath: string;
  readonly exportName: string;
  readonly definition: AnyHandlerDefinition;
}

/** Modules keyed by their path under scanDir, as the generated `api.ts` lists them. */
export type HandlerModules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Thrown when two exports resolve to one handler name. */
export class DuplicateHandlerError extends Error {
  readonly handlerName: string;
  readonly modulePaths: readonly [string, string];

  constructor(name: string, first: CollectedHandler, second: { modulePath: string; exportName: string }) {
    super(
      `Two handlers are named "${name}": export "${first.exportName}" of ${first.modulePath} and export ` +
        `"${second.exportName}" of ${second.modulePath}. Rename one export or move one module.`,
    );
    this.name = "DuplicateHandlerError";
    this.handlerName = name;
    this.modulePaths = [first.modulePath, second.modulePath];
  }
}

/**
 * Finds every handler definition exported by `modules` and names it. Any export that is a definition
 * counts, whatever its form; other exports are ignored. Throws {@link DuplicateHandlerError} when two
 * exports get one name. Results are sorted by name, so output built from them is stable.
 *
 * @example
 * const handlers = collectHandlers({ "blog/posts": await import("./src/blog/posts") });
 * handlers.map((h) => `${h.kind} ${h.name}`); // ["query blog/posts/list", ...]
 */
export function collectHandlers(modules: HandlerModules): CollectedHandler[] {
  const byName = new Map<string, CollectedHandler>();
  for (const [modulePath, moduleExports] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(moduleExports)) {
      if (!isHandlerDefinition(value)) continue;
      const name = handlerName(modulePath, exportName);
      const existing = byName.get(name);
      if (existing) throw new DuplicateHandlerError(name, existing, { modulePath, exportName });
      byName.set(name, { name, kind: value.kind, modulePath, exportName, definition: value });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
