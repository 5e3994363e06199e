import { join } from "node:path";

/** packages/codegen */
export const packageRoot = join(__dirname, "..", "..");
/** Scratch space for tests: inside the package, so copied fixtures resolve its node_modules. */
export const tmpRoot = join(packageRoot, "test", ".tmp");
export const fixturesRoot = join(packageRoot, "test", "fixtures");
/** The CLI bundled from src by the global setup. */
export const cliBundle = join(tmpRoot, "cli.mjs");
