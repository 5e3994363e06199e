import { describe, expect, it } from "vitest";
import { attachmentDisposition, sanitizeFileName } from "./contentDisposition";

describe("sanitizeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ['../evil\r\n"name".txt', "..evil name.txt"],
    ["a\\b/c.txt", "abc.txt"],
    ["  lots   of\tspace  ", "lots of space"],
    ["\u0000\u001f", "download"],
    ["", "download"],
    ["é".repeat(300), "é".repeat(200)],
  ])("%j → %j", (name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("résumé.pdf")).toBe(
      `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
    );
  });

  it("cannot be broken out of by quotes, semicolons or newlines", () => {
    const header = attachmentDisposition('x"; filename="evil.html\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain(`filename*=UTF-8''x%3B%20filename%3Devil.html%20Set-Cookie%3A%20a%3Db`);
  });

  it("percent-encodes the characters RFC 8187 reserves", () => {
    expect(attachmentDisposition("it's (1)*.txt")).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  });
});
