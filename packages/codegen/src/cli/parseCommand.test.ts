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
      renames: [],
      allowDataLoss: false,
      config: undefined,
    });
    expect(parseCommand(["migrate"])).toMatchObject({ target: "local" });
    expect(
      parseCommand([
        "migrate",
        "--rename",
        "books.author=writer",
        "--rename",
        "authors=writers",
        "--allow-data-loss",
      ]),
    ).toMatchObject({ renames: ["books.author=writer", "authors=writers"], allowDataLoss: true });
    expect(parseCommand(["dev", "--no-wrangler", "--", "--port", "9000"])).toEqual({
      command: "dev",
      wrangler: false,
      wranglerArgs: ["--port", "9000"],
      config: undefined,
    });
    expect(parseCommand(["init", "my-app"])).toEqual({
      command: "init",
      dir: "my-app",
      template: undefined,
      config: undefined,
    });
    expect(parseCommand(["init", "--template", "react"])).toMatchObject({
      dir: undefined,
      template: "react",
    });
    expect(parseCommand(["init", "app", "-t", "api"])).toMatchObject({ dir: "app", template: "backend" });
    expect(() => parseCommand(["init", "--template", "vue"])).toThrow(
      "--template vue: expected one of react, backend",
    );
    expect(parseCommand([])).toEqual({ command: "help" });
  });

  it("rejects unknown commands and options with a CliError", () => {
    expect(() => parseCommand(["bild"])).toThrow(CliError);
    expect(() => parseCommand(["build", "--typecheck-please"])).toThrow(/Unknown option/);
    expect(() => parseCommand(["migrate", "--local", "--remote"])).toThrow(/not both/);
    expect(() => parseCommand(["migrate", "--remote", "--persist-to", "s"])).toThrow(/use it with --local/);
  });

  it("parses migrate --persist-to (wrangler's local state folder)", () => {
    expect(parseCommand(["migrate", "--persist-to", "state"])).toMatchObject({
      command: "migrate",
      target: "local",
      persistTo: "state",
    });
    expect(parseCommand(["migrate"])).not.toHaveProperty("persistTo");
  });

  it("parses add-admin, taking the password from APPFLARE_ADMIN_PASSWORD when -p is absent", () => {
    expect(parseCommand(["add-admin", "-e", "ops@example.com", "-p", "pw-123456", "-n", "Ops"])).toEqual({
      command: "add-admin",
      email: "ops@example.com",
      password: "pw-123456",
      name: "Ops",
      target: "local",
      config: undefined,
    });
    expect(
      parseCommand(["add-admin", "--remote", "-e", "ops@example.com"], {
        APPFLARE_ADMIN_PASSWORD: "from-env",
      }),
    ).toMatchObject({ password: "from-env", target: "remote", name: undefined });
    expect(() => parseCommand(["add-admin", "-p", "pw"])).toThrow(/needs -e <email>/);
    expect(() => parseCommand(["add-admin", "-e", "a@b.co"])).toThrow(/needs -p <password>/);
    expect(() => parseCommand(["add-admin", "-e", "a@b.co", "-p", "x", "--local", "--remote"])).toThrow(
      /not both/,
    );
    expect(() => parseCommand(["add-admin", "-e", "a@b.co", "-p", "x", "--role", "owner"])).toThrow(
      /Unknown option/,
    );
  });
});
