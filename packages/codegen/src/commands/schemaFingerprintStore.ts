import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Remembers the fingerprint of the schema whose migrations were last applied locally, so `appflare dev`
 * runs drizzle-kit and wrangler only when the schema really changed (each takes seconds).
 *
 * @example
 * const store = schemaFingerprintStore("/app/node_modules/.cache/appflare", "DB");
 * if (store.read() !== store.hash(schema.fingerprint)) { ...migrate...; store.write(schema.fingerprint); }
 */
export function schemaFingerprintStore(cacheDir: string, binding: string) {
  const file = join(cacheDir, `applied-schema.${binding}.sha256`);
  const hash = (fingerprint: string) => createHash("sha256").update(fingerprint).digest("hex");
  return {
    hash,
    read(): string | undefined {
      try {
        return readFileSync(file, "utf8").trim();
      } catch {
        return undefined;
      }
    },
    write(fingerprint: string): void {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, `${hash(fingerprint)}\n`);
    },
  };
}
