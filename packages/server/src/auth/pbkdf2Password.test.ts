import { describe, expect, it } from "vitest";
import { pbkdf2Password } from "./pbkdf2Password";

describe("pbkdf2Password", () => {
  const hasher = pbkdf2Password({ iterations: 2_000 });

  it("verifies the password it hashed and nothing else", async () => {
    const hash = await hasher.hash("hunter2 hunter2");
    expect(hash).toMatch(/^pbkdf2-sha256\$2000\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await hasher.verify({ hash, password: "hunter2 hunter2" })).toBe(true);
    expect(await hasher.verify({ hash, password: "hunter2 hunter3" })).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hasher.hash("same")).not.toBe(await hasher.hash("same"));
  });

  it("verifies with the iteration count stored in the hash, so the setting can change", async () => {
    const old = await pbkdf2Password({ iterations: 1_000 }).hash("kept working");
    expect(await hasher.verify({ hash: old, password: "kept working" })).toBe(true);
  });

  it("normalizes Unicode (NFKC) like Better Auth's scrypt", async () => {
    const hash = await hasher.hash("caf\u00e9");
    expect(await hasher.verify({ hash, password: "cafe\u0301" })).toBe(true);
  });

  it("rejects malformed or foreign hashes instead of throwing", async () => {
    for (const hash of ["", "abc:def", "pbkdf2-sha256$x$AA==$AA==", "pbkdf2-sha512$1000$AA==$AA=="]) {
      expect(await hasher.verify({ hash, password: "x" })).toBe(false);
    }
  });

  it("refuses a token iteration count", () => {
    expect(() => pbkdf2Password({ iterations: 10 })).toThrow(/expected an integer ≥ 1000, got 10/);
  });
});
