import { describe, expect, it } from "vitest";
import { parseRangeHeader, resolveRange } from "./parseRange";

describe("parseRangeHeader", () => {
  it.each([
    ["bytes=0-99", { kind: "from", offset: 0, end: 99 }],
    ["bytes=100-", { kind: "from", offset: 100, end: undefined }],
    ["bytes=-100", { kind: "suffix", length: 100 }],
    ["BYTES=5-5", { kind: "from", offset: 5, end: 5 }],
    [" bytes=1-2 ", { kind: "from", offset: 1, end: 2 }],
  ])("parses %j", (header, expected) => {
    expect(parseRangeHeader(header)).toEqual(expected);
  });

  it.each([
    [null],
    [""],
    ["bytes=-"],
    ["bytes=5-2"],
    ["bytes=0-1,5-6"],
    ["items=0-1"],
    ["bytes=a-b"],
    ["bytes 0-1"],
    ["bytes=-1-2"],
  ])("ignores %j (the whole object is served)", (header) => {
    expect(parseRangeHeader(header)).toBeNull();
  });
});

describe("resolveRange", () => {
  it("clamps to the object", () => {
    expect(resolveRange({ kind: "from", offset: 2, end: 100 }, 10)).toEqual({ offset: 2, length: 8 });
    expect(resolveRange({ kind: "from", offset: 0, end: 0 }, 10)).toEqual({ offset: 0, length: 1 });
    expect(resolveRange({ kind: "from", offset: 9, end: undefined }, 10)).toEqual({ offset: 9, length: 1 });
  });

  it("takes the last bytes for a suffix, the whole object when the suffix is longer", () => {
    expect(resolveRange({ kind: "suffix", length: 3 }, 10)).toEqual({ offset: 7, length: 3 });
    expect(resolveRange({ kind: "suffix", length: 100 }, 10)).toEqual({ offset: 0, length: 10 });
  });

  it("is unsatisfiable past the end, for an empty suffix and for an empty object", () => {
    expect(resolveRange({ kind: "from", offset: 10, end: undefined }, 10)).toBeNull();
    expect(resolveRange({ kind: "from", offset: 20, end: 30 }, 10)).toBeNull();
    expect(resolveRange({ kind: "suffix", length: 0 }, 10)).toBeNull();
    expect(resolveRange({ kind: "suffix", length: 5 }, 0)).toBeNull();
    expect(resolveRange({ kind: "from", offset: 0, end: undefined }, 0)).toBeNull();
  });
});
