import { beforeAll, describe, expect, it } from "vitest";
import { createWorker } from "../../src/http/createWorker";
import schema from "../boardSchema";
import { authOptions } from "./app/authOptions";
import { modules } from "./app/modules";
import { bearer, migrateAuthDb, send, signUp } from "./support";

beforeAll(migrateAuthDb);

/** The production wiring: `createWorker` alone, with its own auth layer. */
function workerWith(updateAge: number) {
  return createWorker({
    schema,
    config: { auth: { options: { ...authOptions, session: { updateAge } } } },
    modules,
  });
}

function sessionCookieOf(headers: Headers): string | undefined {
  const cookies = (headers as Headers & { getSetCookie(): string[] }).getSetCookie();
  return cookies.find((c) => /^[\w.-]*session_token=/.test(c));
}

describe("cookie sessions refreshed while resolving the caller", () => {
  it("sends the refreshed session cookie (new expiry) with the handler's response", async () => {
    // updateAge 0: every read of the session extends it, as one older than a day would be.
    const worker = workerWith(0);
    const { reply } = await signUp(worker, "refresh@example.test");
    const issued = sessionCookieOf(reply.headers);
    expect(issued).toBeDefined();
    const cookie = (issued as string).split(";")[0] as string;

    const me = await send(worker, "GET", "/queries/account/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    const refreshed = sessionCookieOf(me.headers);
    expect(refreshed, "no Set-Cookie on the query response").toBeDefined();
    expect(refreshed).toMatch(/Max-Age=\d+/);
    // Same session token, a new expiry: the browser keeps the cookie as long as the session lives.
    expect((refreshed as string).split(";")[0]).toBe(cookie);
  });

  it("sends no cookie when the session was not refreshed, or to a bearer client", async () => {
    const fresh = workerWith(60 * 60 * 24);
    const { reply } = await signUp(fresh, "norefresh@example.test");
    const cookie = (sessionCookieOf(reply.headers) as string).split(";")[0] as string;
    const me = await send(fresh, "GET", "/queries/account/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(sessionCookieOf(me.headers)).toBeUndefined();

    const eager = workerWith(0);
    const { token } = await signUp(eager, "bearer-refresh@example.test");
    const viaToken = await send(eager, "GET", "/queries/account/me", { headers: bearer(token) });
    expect(viaToken.status).toBe(200);
    expect(sessionCookieOf(viaToken.headers)).toBeUndefined();
  });
});
