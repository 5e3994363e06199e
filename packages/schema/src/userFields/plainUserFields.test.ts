import { describe, expect, it } from "vitest";
import { plainUserFields } from "./plainUserFields";
import { UserFieldError } from "./UserFieldError";

describe("plainUserFields", () => {
  it("keeps what shapes the columns, as structured-clonable data", () => {
    const input = {
      plan: { type: "string", defaultValue: "free", input: false, returned: true },
      tier: { type: ["basic", "gold"], required: false, unique: true },
      seats: { type: "number", bigint: true, index: true, fieldName: "seatCount" },
      trialEndsAt: { type: "date", defaultValue: new Date(0) },
      tags: { type: "string[]", defaultValue: ["a"] },
    } as const;
    const plain = plainUserFields(input);
    expect(plain).toEqual({
      plan: { type: "string", defaultValue: "free" },
      tier: { type: ["basic", "gold"], required: false, unique: true },
      seats: { type: "number", bigint: true, index: true, fieldName: "seatCount" },
      trialEndsAt: { type: "date", defaultValue: "1970-01-01T00:00:00.000Z" },
      tags: { type: "string[]", defaultValue: ["a"] },
    });
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    expect(plain.tags?.defaultValue).not.toBe(input.tags.defaultValue);
  });

  it("drops function defaults and other functions (they do not change the column)", () => {
    const plain = plainUserFields({
      ref: {
        type: "string",
        required: true,
        defaultValue: () => "x",
        transform: { input: (v: unknown) => v },
      } as never,
    });
    expect(plain).toEqual({ ref: { type: "string", required: true } });
  });

  it("is empty for no fields, and validates like withUserFields", () => {
    expect(plainUserFields(undefined)).toEqual({});
    expect(() => plainUserFields({ email: { type: "string" } })).toThrow(UserFieldError);
  });
});
