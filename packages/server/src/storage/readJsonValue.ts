import { InvalidArgsError } from "../errors/AppflareError";
import type { TextCursor } from "./TextCursor";

/** How many more characters a streaming JSON reader may consume outside the streamed value. */
export interface JsonBudget {
  left: number;
  /** What the budget covers, for the error, e.g. "the upload fields other than base64Body". */
  readonly what: string;
  readonly size: number;
}

const WHITESPACE = /[ \t\n\r]/;
const SCALAR_END = /[,}\] \t\n\r]/;

/**
 * Reads one complete JSON value (after optional whitespace) from the cursor and parses it. Every
 * character read is charged to `budget` (400 once it runs out), so a huge field cannot be buffered.
 *
 * @example const value = await readJsonValue(cursor, { left: 65536, size: 65536, what: "the fields" });
 */
export async function readJsonValue(cursor: TextCursor, budget: JsonBudget): Promise<unknown> {
  await skipJsonWhitespace(cursor, budget);
  let text = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (;;) {
    const char = await cursor.peek();
    if (char === undefined) break;
    if (!inString && depth === 0 && text.length > 0 && SCALAR_END.test(char)) break;
    await consume(cursor, budget);
    text += char;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') {
        inString = false;
        if (depth === 0) break;
      }
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth <= 0) break;
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    return invalidJson(`${JSON.stringify(text.slice(0, 40))} is not a JSON value`);
  }
}

/** Skips JSON whitespace, charging it to the budget. */
export async function skipJsonWhitespace(cursor: TextCursor, budget: JsonBudget): Promise<void> {
  for (;;) {
    const char = await cursor.peek();
    if (char === undefined || !WHITESPACE.test(char)) return;
    await consume(cursor, budget);
  }
}

/** Consumes the next non-whitespace character, which must be one of `expected`. */
export async function expectJsonChar(
  cursor: TextCursor,
  budget: JsonBudget,
  expected: string,
): Promise<string> {
  await skipJsonWhitespace(cursor, budget);
  const char = await consume(cursor, budget);
  if (char === undefined || !expected.includes(char)) {
    const wanted = [...expected].map((c) => JSON.stringify(c)).join(" or ");
    invalidJson(
      `expected ${wanted}, found ${char === undefined ? "the end of the body" : JSON.stringify(char)}`,
    );
  }
  return char;
}

/** The 400 for a body that is not the JSON it should be. */
export function invalidJson(detail: string): never {
  throw new InvalidArgsError(`The request body is not valid JSON: ${detail}`, []);
}

async function consume(cursor: TextCursor, budget: JsonBudget): Promise<string | undefined> {
  if (--budget.left < 0) {
    throw new InvalidArgsError(`${budget.what} take more than ${budget.size} characters`, []);
  }
  return cursor.next();
}
