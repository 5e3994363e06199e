import { InvalidArgsError } from "../errors/AppflareError";

/**
 * Reads a UTF-8 byte stream as text on demand: {@link peek} / {@link next} look at one character,
 * {@link takeUntil} hands out the run of text already received up to a stop character. Only what the
 * caller has not consumed yet is held, so a parser can walk a body of any size in constant memory.
 * Invalid UTF-8 is a 400 `invalid_args`.
 *
 * @example
 * const cursor = new TextCursor(request.body.getReader());
 * if ((await cursor.next()) !== "{") throw ...;
 */
export class TextCursor {
  private text = "";
  private pos = 0;
  private ended = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next character without consuming it; `undefined` at the end of the body. */
  async peek(): Promise<string | undefined> {
    while (this.pos >= this.text.length) if (!(await this.more())) return undefined;
    return this.text[this.pos];
  }

  /** Consumes and returns the next character; `undefined` at the end of the body. */
  async next(): Promise<string | undefined> {
    const char = await this.peek();
    if (char !== undefined) this.pos++;
    return char;
  }

  /**
   * Consumes and returns the text received so far before the first character matching `stop`
   * (possibly `""` when it is next); reads one more chunk when nothing is buffered.
   * `undefined` at the end of the body.
   */
  async takeUntil(stop: RegExp): Promise<string | undefined> {
    if ((await this.peek()) === undefined) return undefined;
    const rest = this.text.slice(this.pos);
    const at = rest.search(stop);
    const run = at === -1 ? rest : rest.slice(0, at);
    this.pos += run.length;
    return run;
  }

  /** Stops reading the body (after an error, so the rest is never received). */
  async cancel(reason?: unknown): Promise<void> {
    await this.reader.cancel(reason).catch(() => {});
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.reader.read();
    if (done) this.ended = true;
    const added = this.decode(done ? undefined : value);
    this.text = this.text.slice(this.pos) + added;
    this.pos = 0;
    return !done || added.length > 0;
  }

  private decode(chunk: Uint8Array | undefined): string {
    try {
      return chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    } catch {
      throw new InvalidArgsError("The request body is not valid UTF-8", []);
    }
  }
}
