import { createInterface } from "node:readline/promises";
import { type InitTemplate, initTemplates, parseTemplate } from "./InitTemplate";

/** The terminal `askTemplate` talks to. */
export interface PromptStreams {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

const question = `Which template?
  react    the Worker plus a React + Vite page with a live query (default)
  backend  the Worker only
Template [react]: `;

/**
 * Asks for a template on a terminal; `undefined` when input or output is not one (CI, a pipe), so a
 * script never waits on a prompt. Enter (or end of input) picks the first template, `react`.
 *
 * @example
 * const template = (await askTemplate({ input: process.stdin, output: process.stdout })) ?? "backend";
 */
export async function askTemplate(streams: PromptStreams): Promise<InitTemplate | undefined> {
  if (!streams.input.isTTY || !streams.output.isTTY) return undefined;
  const rl = createInterface({ input: streams.input, output: streams.output });
  const closed = new Promise<undefined>((resolve) => rl.once("close", () => resolve(undefined)));
  try {
    for (;;) {
      const answer = await Promise.race([rl.question(question), closed]);
      if (answer === undefined || answer.trim() === "") return initTemplates[0];
      try {
        return parseTemplate(answer);
      } catch (error) {
        streams.output.write(`${(error as Error).message.replace("--template ", "")}\n`);
      }
    }
  } finally {
    rl.close();
  }
}
