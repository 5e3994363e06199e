import { describe, expect, it } from "vitest";
import { CliError } from "../errors/CliError";
import { parseCommand } from "./parseCommand";

describe("parseCommand", () => {
  it("parses each command with -c", () => {
    expect(parseCommand(["build", "--no-typecheck", "-c", "x.ts"])).toEqual({
      command: "build",
      typecheck: false,
      config: "x.ts",
    });
    expect(parseCommand(["migrate", "--remote", "--name", "init"])).toEqual({
      command: "migrate",
      target: "remote",
      name: "init",
      config: undefined,
    });
    expect(parseCommand(["migrate"])).toMatchObject({ target: "local" });
    expect(parseCommand(["dev", "--no-wrangler", "--", "--port", "9000"])).toEqual({
      command: "dev",
      wrangler: false,
      wranglerArgs: ["--port", "9000"],
      config: undefined,
    });
    expect(parseCommand(["init", "my-app"])).toEqual({ command: "init", dir: "my-app", config: undefined });
    expect(parseCommand([])).toEqual({ command: "help" });
  });

  it("rejects unknown commands and options with a CliError", () => {
    expect(() => parseCommand(["bild"])).toThrow(CliError);
    expect(() => parseCommand(["build", "--typecheck-please"])).toThrow(/Unknown option/);
    expect(() => parseCommand(["migrate", "--local", "--remote"])).toThrow(/not both/);
  });
});
