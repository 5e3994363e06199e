import { describe, expect, inject, it } from "vitest";
import { createClient } from "../src/index";
import type { FixtureApi } from "./fixtureApi";

const endpoint = inject("endpoint");

/** A client whose token lives in a variable, as an app would keep it in storage. */
function clientWithTokenStore(extra: { origin?: string | false } = {}) {
  const store: { token: string | null; writes: (string | null)[] } = { token: null, writes: [] };
  const client = createClient<FixtureApi>({
    endpoint,
    onGetAuthToken: () => store.token,
    onSetAuthToken: (token) => {
      store.token = token;
      store.writes.push(token);
    },
    ...extra,
  });
  return { client, store };
}

describe("auth through Better Auth's client, from Node", () => {
  const email = `ada-${Date.now()}@example.test`;
  const password = "correct horse battery";

  it("sign-up stores the bearer token, and queries then run as that user", async () => {
    const { client, store } = clientWithTokenStore();
    const { data, error } = await client.auth.signUp.email({ email, password, name: "Ada" });
    expect(error).toBeNull();
    expect(store.token).toEqual(expect.any(String));
    const me = await client.queries.account.me.run();
    expect(me.error).toBeNull();
    expect(me.data).toEqual({ id: data?.user.id, email });
  });

  it("sign-in stores a fresh token; sign-out clears it", async () => {
    const { client, store } = clientWithTokenStore();
    const signedIn = await client.auth.signIn.email({ email, password });
    expect(signedIn.error).toBeNull();
    expect(store.token).toEqual(expect.any(String));
    expect((await client.auth.getSession()).data?.user.email).toBe(email);
    await client.auth.signOut();
    expect(store.writes.at(-1)).toBeNull();
    expect((await client.queries.account.me.run()).error?.status).toBe(401);
  });

  it("without an Origin header Better Auth refuses the credential POST (why the client sends one)", async () => {
    const { client, store } = clientWithTokenStore({ origin: false });
    const { error } = await client.auth.signIn.email({ email, password });
    expect(error?.status).toBe(403);
    expect(store.token).toBeNull();
  });

  it("a wrong password stores nothing", async () => {
    const { client, store } = clientWithTokenStore();
    const { error } = await client.auth.signIn.email({ email, password: "wrong password!" });
    expect(error?.status).toBe(401);
    expect(store.writes).toEqual([]);
  });
});
