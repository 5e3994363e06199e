import { describe, expect, it } from "vitest";
import { hasSessionCredentials, sessionTokenOf } from "./sessionTokenOf";

const COOKIE = "better-auth.session_token";
const req = (headers: Record<string, string>) => new Request("https://app.test/x", { headers });

describe("sessionTokenOf", () => {
  it.each([
    // Unsigned: never a credential (Better Auth's bearer plugin runs with requireSignature).
    [{ authorization: "Bearer abc123" }, undefined],
    [{ authorization: "Bearer abc123." }, undefined],
    [{ authorization: "bearer abc123.c2lnbmF0dXJl" }, "abc123"],
    [{ authorization: "Bearer abc123.sig%3D" }, "abc123"],
    [{ authorization: "Basic dXNlcjpwYXNz" }, undefined],
    [{ authorization: "Bearer " }, undefined],
    [{ cookie: `theme=dark; ${COOKIE}=tok.sig%2Bx%3D; other=1` }, "tok"],
    [{ cookie: `__Secure-${COOKIE}=tok.sig` }, undefined],
    [{ cookie: "theme=dark" }, undefined],
    [{ cookie: `${COOKIE}=%E0%A4%A` }, undefined],
    [{ cookie: `${COOKIE}=tok` }, undefined],
    [{}, undefined],
  ])("%j → %s", (headers, expected) => {
    expect(sessionTokenOf(req(headers), COOKIE)).toBe(expected);
  });

  it("prefers a signed bearer token over the cookie; an unsigned one falls back to the cookie", () => {
    expect(sessionTokenOf(req({ authorization: "Bearer a.s", cookie: `${COOKIE}=b.s` }), COOKIE)).toBe("a");
    expect(sessionTokenOf(req({ authorization: "Bearer a", cookie: `${COOKIE}=b.s` }), COOKIE)).toBe("b");
  });

  it("hasSessionCredentials: only a bearer token or the named cookie counts", () => {
    expect(hasSessionCredentials(req({ cookie: "sid=abc.sig" }), "sid")).toBe(true);
    expect(hasSessionCredentials(req({ cookie: `${COOKIE}=abc.sig` }), "sid")).toBe(false);
    expect(hasSessionCredentials(req({ authorization: "Bearer x.sig" }), "sid")).toBe(true);
    expect(hasSessionCredentials(req({ authorization: "Bearer x" }), "sid")).toBe(false);
    expect(hasSessionCredentials(req({}), "sid")).toBe(false);
  });
});
