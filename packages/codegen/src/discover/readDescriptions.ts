const JSDOC_BEFORE_EXPORT =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+(?:const|let|var|async\s+function|function)\s+([A-Za-z_$][\w$]*)/g;

/**
 * The JSDoc text of each `export const|function <name>` in a module's source (the comment right before
 * the export), as `/openapi.json` summaries: leading `*`s removed, block tags (`@example` …) and what
 * follows them dropped. Exports without a JSDoc, or re-exported, have none.
 *
 * @example
 * readDescriptions('/** Lists tasks. *\/\nexport const list = query({ ... });'); // { list: "Lists tasks." }
 */
export function readDescriptions(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of source.matchAll(JSDOC_BEFORE_EXPORT)) {
    const text = cleanJsdoc(match[1] ?? "");
    if (text !== "") out[match[2] as string] = text;
  }
  return out;
}

function cleanJsdoc(body: string): string {
  const lines = body.split("\n").map((line) => line.replace(/^\s*\*? ?/, "").trimEnd());
  const tag = lines.findIndex((line) => line.trimStart().startsWith("@"));
  return (tag === -1 ? lines : lines.slice(0, tag)).join("\n").trim();
}
