/** A fenced code block of a docs page: its language, info-string flags and where it starts. */
export interface DocBlock {
  file: string;
  /** 1-based line of the first code line (the line after the opening fence). */
  line: number;
  lang: string;
  flags: string[];
  code: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/**
 * Every fenced block of a Markdown file, in order. Indented fences (inside list items) are found too;
 * their indentation is removed from the code.
 *
 * @example
 * extractBlocks("a.md", "```ts nocheck\nlet x\n```").map((b) => b.flags); // [["nocheck"]]
 */
export function extractBlocks(file: string, markdown: string): DocBlock[] {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  let open: {
    indent: string;
    fence: string;
    lang: string;
    flags: string[];
    line: number;
    body: string[];
  } | null = null;
  for (const [index, text] of lines.entries()) {
    if (open) {
      if (text.trim().startsWith(open.fence) && text.trim().replaceAll(open.fence[0] ?? "`", "") === "") {
        blocks.push({
          file,
          line: open.line,
          lang: open.lang,
          flags: open.flags,
          code: open.body.join("\n"),
        });
        open = null;
      } else {
        open.body.push(text.startsWith(open.indent) ? text.slice(open.indent.length) : text);
      }
      continue;
    }
    const match = FENCE.exec(text);
    if (match) {
      const [, indent = "", fence = "```", lang = "", rest = ""] = match;
      open = { indent, fence, lang, flags: rest.split(/\s+/).filter(Boolean), line: index + 2, body: [] };
    }
  }
  if (open) throw new Error(`${file}:${open.line - 1}: code fence is never closed`);
  return blocks;
}
