import { readFileSync } from "node:fs";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Line of a key path in an object-literal source (`database.query.maxLimit`): each segment is searched
 * as `key:` after the previous one, so the innermost match is reported. Best effort: `undefined` when
 * the key is not written literally (computed, spread from elsewhere).
 *
 * @example
 * findKeyLine("/app/appflare.config.ts", ["database", "query", "maxLimit"]); // 6
 */
export function findKeyLine(file: string, path: readonly string[]): number | undefined {
  const source = read(file);
  if (source === undefined || path.length === 0) return undefined;
  let from = 0;
  let found: number | undefined;
  for (const key of path) {
    const pattern = new RegExp(`(?:^|[\\s{,])["']?${escapeRegExp(key)}["']?\\s*:`, "gm");
    pattern.lastIndex = from;
    const match = pattern.exec(source);
    if (!match) break;
    from = match.index + match[0].length;
    found = lineAt(source, match.index + match[0].indexOf(key));
  }
  return found;
}

/**
 * Line where `name` is exported or declared in a module: `export const name`, `export function name`,
 * `export { name }`, or a plain declaration re-exported later.
 *
 * @example
 * findExportLine("/app/src/tasks.ts", "list"); // 12
 */
export function findExportLine(file: string, name: string): number | undefined {
  const source = read(file);
  if (source === undefined) return undefined;
  const n = escapeRegExp(name);
  const patterns = [
    new RegExp(`export\\s+(?:declare\\s+)?(?:const|let|var|function\\*?|async\\s+function|class)\\s+${n}\\b`),
    new RegExp(`export\\s*\\{[^}]*\\b(?:as\\s+)?${n}\\b[^}]*\\}`),
    new RegExp(`(?:const|let|var|function|class)\\s+${n}\\b`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(source);
    if (match) return lineAt(source, match.index);
  }
  return undefined;
}
