import { createInterface } from "node:readline/promises";
import type { AskChoice } from "./resolveRenames";

/**
 * {@link AskChoice} on the terminal, or `undefined` without one (piped, CI): callers then refuse
 * with the flag that answers the question instead of guessing.
 *
 * @example
 * const ask = askInTerminal(); // undefined under `appflare migrate | cat`
 */
export function askInTerminal(): AskChoice | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return async (question, choices) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const lines = choices.map((c, i) => `  ${i + 1}) ${c}`).join("\n");
      for (;;) {
        const answer = (await rl.question(`${question}\n${lines}\nchoice [1-${choices.length}]: `)).trim();
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= choices.length) return n - 1;
      }
    } finally {
      rl.close();
    }
  };
}
