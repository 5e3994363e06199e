import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { askTemplate } from "./askTemplate";

function terminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = Object.assign(new PassThrough(), { isTTY });
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  return { streams: { input, output }, input, printed: () => printed };
}

describe("askTemplate", () => {
  it("asks nothing without a terminal", async () => {
    const { streams, printed } = terminal(false);
    expect(await askTemplate(streams)).toBeUndefined();
    expect(printed()).toBe("");
  });

  it("picks react on Enter", async () => {
    const { streams, input, printed } = terminal(true);
    const answer = askTemplate(streams);
    input.write("\n");
    expect(await answer).toBe("react");
    expect(printed()).toContain("Template [react]:");
  });

  it("asks again after an unknown name, then takes the one typed", async () => {
    const { streams, input, printed } = terminal(true);
    const answer = askTemplate(streams);
    input.write("vue\n");
    await new Promise((r) => setTimeout(r, 20));
    input.write("backend\n");
    expect(await answer).toBe("backend");
    expect(printed()).toContain("vue: expected one of react, backend");
  });

  it("takes the default when input ends", async () => {
    const { streams, input } = terminal(true);
    const answer = askTemplate(streams);
    input.end();
    expect(await answer).toBe("react");
  });
});
