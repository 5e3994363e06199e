import { beforeAll, describe, expect, it } from "vitest";
import { authEnv, count, migrateAuthDb, signUp } from "../auth/support";
import { request, worker } from "./support";

let token: string;
let userId: string;

beforeAll(async () => {
  await migrateAuthDb();
  ({ token, userId } = await signUp(worker, "signed@example.test"));
});

describe("only signed session tokens authenticate (issue 9 item 2)", () => {
  const cookieName = "better-auth.session_token";
  const cases: [string, () => Record<string, string>, number][] = [
    ["signed bearer", () => ({ authorization: `Bearer ${token}` }), 200],
    ["bearer without its signature", () => ({ authorization: `Bearer ${token.split(".")[0]}` }), 401],
    ["bearer with an empty signature", () => ({ authorization: `Bearer ${token.split(".")[0]}.` }), 401],
    [
      "bearer with a forged signature",
      () => ({ authorization: `Bearer ${token.split(".")[0]}.Zm9yZ2Vk` }),
      401,
    ],
    ["cookie without its signature", () => ({ cookie: `${cookieName}=${token.split(".")[0]}` }), 401],
  ];

  it.each(cases)("%s → %i on an authRequired query; anonymous elsewhere", async (_name, headers, status) => {
    const sessions = await count("sessions");
    const me = await request("GET", "/queries/labels/whoami", { headers: headers() });
    expect(me.status).toBe(status);
    if (status === 401) expect(me.body).toMatchObject({ code: "unauthorized" });
    else expect(me.body).toMatchObject({ id: userId });
    // Better Auth's own routes agree: no session for an unsigned token.
    const session = await request("GET", "/api/auth/get-session", { headers: headers() });
    expect(session.status).toBe(200);
    expect(session.body === null || session.body === undefined).toBe(status === 401);
    expect(await count("sessions")).toBe(sessions);
  });

  it("an unsigned token cannot act through Better Auth either (sign-out leaves the session)", async () => {
    const bare = token.split(".")[0] as string;
    const sessions = await count("sessions", "user_id = ?", userId);
    await request("POST", "/api/auth/sign-out", {
      headers: { authorization: `Bearer ${bare}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(await count("sessions", "user_id = ?", userId)).toBe(sessions);
    expect(authEnv.BETTER_AUTH_SECRET).toBeTruthy();
  });
});
