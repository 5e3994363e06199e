/**
 * Resolves once `output()` contains `text`. A server can answer its first request a moment before it
 * prints the line that says where it listens, so a log line is waited for, not read once.
 */
export async function waitForText(output: () => string, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (Date.now() > deadline)
      throw new Error(`"${text}" was not printed within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
