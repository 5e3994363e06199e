import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProbeHost } from "./ProbeHost";
import { startProbeRunner } from "./ProbeRunner";

const probeModule = (value: string) =>
  `export const probe = (input) => ({ value: ${JSON.stringify(value)}, input });`;

describe("probe runners", () => {
  it.each(["thread", "process"] as const)(
    "a %s runner imports a module and answers with probe(input)",
    async (kind) => {
      const dir = mkdtempSync(join(tmpdir(), "appflare-runner-"));
      writeFileSync(join(dir, "a.mjs"), probeModule("a"));
      const runner = startProbeRunner(kind);
      try {
        const reply = new Promise((resolve) => runner.onMessage(resolve));
        runner.ref();
        runner.post({ id: 7, url: `file://${join(dir, "a.mjs")}`, input: { secret: new Map([["k", 1]]) } });
        expect(await reply).toEqual({
          id: 7,
          ok: true,
          value: { value: "a", input: { secret: new Map([["k", 1]]) } },
        });
      } finally {
        await runner.stop();
      }
    },
  );

  it("ProbeHost loads a module written into a folder it already loaded from (Bun's resolver did not)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "appflare-runner-"));
    const host = new ProbeHost();
    try {
      writeFileSync(join(dir, "config.mjs"), probeModule("config"));
      expect(await host.run(join(dir, "config.mjs"))).toMatchObject({ value: "config" });
      writeFileSync(join(dir, "schema.mjs"), probeModule("schema"));
      expect(await host.run(join(dir, "schema.mjs"))).toMatchObject({ value: "schema" });
    } finally {
      await host.close();
    }
  });
});
