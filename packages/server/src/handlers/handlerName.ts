/** Folders that only group handlers by kind; a leading one is not part of the name. */
const KIND_FOLDERS = new Set(["queries", "mutations", "schedulers", "crons"]);

const EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The name of a handler (docs/handlers.md, "Names"): the module path under scanDir without extension, `/`-joined,
 * plus the export name. A leading `queries/`, `mutations/`, `schedulers/` or `crons/` folder is
 * dropped and an `index` module stands for its folder. The name is the route
 * (`GET /queries/<name>`), the client path, the realtime `queryName` and the scheduler task name.
 *
 * @example
 * handlerName("blog/posts.ts", "list"); // "blog/posts/list"
 * handlerName("queries/tasks", "list"); // "tasks/list"
 * handlerName("blog/index", "feed"); // "blog/feed"
 */
export function handlerName(modulePath: string, exportName: string): string {
  return [...moduleSegments(modulePath), exportName].join("/");
}

/** `./src-relative\\path/to/module.ts` → `["path", "to", "module"]` after the naming rules. */
export function moduleSegments(modulePath: string): string[] {
  const segments = modulePath
    .replaceAll("\\", "/")
    .replace(EXTENSION, "")
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  // Only a folder is dropped: a module named `queries.ts` keeps its name.
  if (segments.length > 1 && KIND_FOLDERS.has(segments[0] ?? "")) segments.shift();
  if (segments[segments.length - 1] === "index") segments.pop();
  return segments;
}
