import { describe, expect, it } from "vitest";
import { stackLocation } from "./stackLocation";

describe("stackLocation", () => {
  it("returns the first frame in a user file, skipping library frames", () => {
    const stack = [
      "TypeError: bad cron",
      "    at normalizeCronTriggers (/repo/node_modules/@appflare/server/dist/index.js:10:11)",
      "    at cron (/repo/node_modules/@appflare/server/dist/index.js:20:3)",
      "    at <anonymous> (/app/src/jobs.ts:7:23)",
      "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)",
    ].join("\n");
    const location = stackLocation(
      stack,
      (file) => file.startsWith("/app/") && !file.includes("node_modules"),
    );
    expect(location).toEqual({ file: "/app/src/jobs.ts", line: 7, column: 23 });
  });

  it("reads file:// URLs and returns undefined without a user frame", () => {
    expect(stackLocation("Error: x\n    at file:///app/a.ts:1:2", () => true)).toEqual({
      file: "/app/a.ts",
      line: 1,
      column: 2,
    });
    expect(stackLocation("Error: x\n    at node:internal/x:1:2", () => true)).toBeUndefined();
  });
});
