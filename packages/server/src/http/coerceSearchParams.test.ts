import { describe, expect, it } from "vitest";
import * as z from "zod";
import { coerceSearchParams } from "./coerceSearchParams";

const coerce = (query: string, shape: Record<string, z.ZodType>) =>
  coerceSearchParams(new URLSearchParams(query), shape);

describe("coerceSearchParams", () => {
  it("converts by the field's type through optional/default/nullable wrappers", () => {
    const out = coerce("a=1.5&b=true&c=2&d=0", {
      a: z.number().optional(),
      b: z.boolean().default(false),
      c: z.number().int().nullable(),
      d: z.boolean(),
    });
    expect({ ...out }).toEqual({ a: 1.5, b: true, c: 2, d: false });
  });

  it("keeps values that do not convert as strings, so Zod reports them", () => {
    expect({
      ...coerce("n=12abc&b=yes&d=not-a-date", { n: z.number(), b: z.boolean(), d: z.date() }),
    }).toEqual({
      n: "12abc",
      b: "yes",
      d: "not-a-date",
    });
  });

  it("turns 'null' into null only for nullable non-string fields", () => {
    expect({ ...coerce("n=null&s=null", { n: z.number().nullable(), s: z.string().nullable() }) }).toEqual({
      n: null,
      s: "null",
    });
  });

  it("handles dates, bigints, literals, enums and unions", () => {
    const out = coerce("d=86400000&e=2020-01-01&big=12345678901234567890&lit=1&en=b&u=7&u2=x", {
      d: z.date(),
      e: z.date(),
      big: z.bigint(),
      lit: z.literal(1),
      en: z.enum(["a", "b"]),
      u: z.union([z.boolean(), z.number()]),
      u2: z.union([z.number(), z.string()]),
    });
    expect(out.d).toEqual(new Date(86_400_000));
    expect(out.e).toEqual(new Date("2020-01-01"));
    expect(out.big).toBe(12345678901234567890n);
    expect([out.lit, out.en, out.u, out.u2]).toEqual([1, "b", 7, "x"]);
  });

  it("builds arrays from repeated keys (one value still makes an array) and parses structured JSON", () => {
    const out = coerce("ids=1&ids=2&one=x&obj=%7B%22a%22%3A1%7D&rec=oops", {
      ids: z.array(z.number()),
      one: z.array(z.string()),
      obj: z.object({ a: z.number() }),
      rec: z.record(z.string(), z.number()),
    });
    expect({ ...out }).toEqual({ ids: [1, 2], one: ["x"], obj: { a: 1 }, rec: "oops" });
  });

  it("passes keys outside the shape through as strings, in an object without a prototype", () => {
    const out = coerce("__proto__=x&extra=1&extra=2", {});
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out)).toEqual(["__proto__", "extra"]);
    expect(out.extra).toEqual(["1", "2"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
