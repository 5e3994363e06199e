/**
 * The OpenAPI `operationId` of a handler: its name in camelCase (`blog/posts/list` → `blogPostsList`,
 * `task-board/move` → `taskBoardMove`), an identifier every client generator can turn into a method.
 * Names are unique across queries and mutations (the build refuses duplicates), so ids are too.
 *
 * @example
 * operationId("blog/posts/list"); // "blogPostsList"
 */
export function operationId(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join("");
}
