import type { HandlerModules } from "./collectHandlers";
import { isHandlerDefinition, tagDefinition } from "./HandlerDefinition";

/** Descriptions by module key, then export name (`{ "blog/posts": { list: "Lists posts." } }`). */
export type HandlerDescriptions = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Gives queries and mutations that have no `description` the one codegen read from their export's
 * JSDoc, for `/openapi.json` summaries. The generated `<outDir>/api.ts` wraps its `modules` in it;
 * modules and definitions are copied, never mutated, and a `description` option given in code wins.
 *
 * @example
 * export const modules = withDescriptions({ tasks: { list: "Lists tasks." } }, { tasks: m_tasks });
 */
export function withDescriptions<M extends HandlerModules>(descriptions: HandlerDescriptions, modules: M): M {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, namespace] of Object.entries(modules)) {
    const docs = Object.hasOwn(descriptions, key) ? descriptions[key] : undefined;
    if (!docs) {
      out[key] = namespace as Record<string, unknown>;
      continue;
    }
    const copy: Record<string, unknown> = { ...(namespace as Record<string, unknown>) };
    for (const [name, text] of Object.entries(docs)) {
      const value = copy[name];
      if (!isHandlerDefinition(value) || (value.kind !== "query" && value.kind !== "mutation")) continue;
      if (value.description !== undefined) continue;
      copy[name] = tagDefinition({ ...value, description: text });
    }
    out[key] = copy;
  }
  return out as M;
}
