import { describe, expect, it } from "vitest";
import { ACCEPTED_KEYS, REJECTED_KEYS } from "../../test/storage/keyCases";
import { InvalidPathError } from "../errors/InvalidPathError";
import { normalizeStorageKey, normalizeStoragePrefix } from "./normalizeStorageKey";

function ruleOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidPathError) return error.rule;
    throw error;
  }
  return "accepted";
}

describe("normalizeStorageKey", () => {
  it.each(REJECTED_KEYS)("refuses %s", (_label, key, rule) => {
    expect(ruleOf(() => normalizeStorageKey(key))).toBe(rule);
  });

  it.each(ACCEPTED_KEYS)("accepts %s", (_label, key, normalized) => {
    expect(normalizeStorageKey(key)).toBe(normalized);
  });

  it("refuses non-strings", () => {
    for (const value of [undefined, null, 42, {}, ["a"]]) {
      expect(ruleOf(() => normalizeStorageKey(value))).toBe("not_a_string");
    }
  });

  it("answers a 400 invalid_path naming the path, the rule and the fix", () => {
    let error: unknown;
    try {
      normalizeStorageKey("a/../b");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidPathError);
    const { status, body } = error as InvalidPathError;
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "invalid_path", path: "a/../b", rule: "dot_segment" });
    expect(body.message).toContain('"a/../b"');
    expect(body.message).toContain('".." segment');
  });

  it("quotes only the start of a very long path", () => {
    let error: unknown;
    try {
      normalizeStorageKey("x".repeat(5000));
    } catch (caught) {
      error = caught;
    }
    const { body } = error as InvalidPathError;
    expect(body.message.length).toBeLessThan(300);
    expect(body.message).toContain("5000 bytes");
  });
});

describe("normalizeStoragePrefix", () => {
  it("means the whole bucket when absent or empty", () => {
    expect(normalizeStoragePrefix(undefined)).toBe("");
    expect(normalizeStoragePrefix(null)).toBe("");
    expect(normalizeStoragePrefix("")).toBe("");
    expect(normalizeStoragePrefix("/")).toBe("");
  });

  it("allows a trailing slash and strips a leading one", () => {
    expect(normalizeStoragePrefix("/avatars/")).toBe("avatars/");
    expect(normalizeStoragePrefix("avatars/2024")).toBe("avatars/2024");
  });

  it.each(REJECTED_KEYS.filter(([, , rule]) => rule !== "empty" && rule !== "trailing_slash"))(
    "refuses %s",
    (_label, key, rule) => {
      expect(ruleOf(() => normalizeStoragePrefix(key))).toBe(rule);
    },
  );

  it("refuses a dot segment before the trailing slash", () => {
    expect(ruleOf(() => normalizeStoragePrefix("a/../"))).toBe("dot_segment");
  });
});
