import { describe, expect, it } from "vitest";
import { describeValue } from "./describeValue";
import { isPlainObject } from "./isPlainObject";

describe("describeValue: one wording for a bad value on every path", () => {
  it.each([
    ["abc", 'string "abc"'],
    ["x".repeat(41), `string "${"x".repeat(40)}…"`],
    [Number.NaN, "number NaN"],
    [2, "number 2"],
    [false, "boolean false"],
    [5n, "bigint 5n"],
    [null, "null"],
    [undefined, "undefined"],
    [[1], "an array"],
    [new Date(0), "a Date"],
    [new Date(Number.NaN), "an invalid Date"],
    [() => 1, "a function"],
    [{ secret: "s" }, "an object"],
    [Symbol("s"), "symbol"],
  ])("%s → %s", (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe("isPlainObject", () => {
  it.each([
    [{}, true],
    [Object.create(null), true],
    [JSON.parse('{"a":1}'), true],
    [[], false],
    [new Date(), false],
    [new Map(), false],
    [Object.create({ inherited: true }), false],
    [null, false],
    ["{}", false],
  ])("%o → %s", (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});
