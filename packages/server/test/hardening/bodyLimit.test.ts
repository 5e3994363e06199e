import { beforeAll, describe, expect, it } from "vitest";
import { count, migrateAuthDb } from "../auth/support";
import { BODY_BYTES, chunked, json, request } from "./support";

beforeAll(migrateAuthDb);

const big = "x".repeat(BODY_BYTES * 2);
const signUpBody = (name: string, email: string) =>
  JSON.stringify({ email, password: "correct horse battery", name });

/** Every route a body can reach, with the table whose rows an accepted request would add. */
const routes: [string, string, (i: string) => string, string][] = [
  ["POST", "/api/auth/sign-up/email", (i) => signUpBody(big, `big-${i}@example.test`), "users"],
  [
    "POST",
    "/api/auth/sign-in/email",
    (i) => JSON.stringify({ email: `x${i}@e.test`, password: big }),
    "sessions",
  ],
  ["POST", "/mutations/labels/add", () => JSON.stringify({ name: big }), "labels"],
  ["POST", "/plugin/echo", () => big, "labels"],
];

describe("limits.bodyBytes on every route (issue 9 item 3)", () => {
  it.each(
    routes.flatMap(([method, path, body, table]) => [
      [method, path, "with Content-Length", body, table] as const,
      [method, path, "chunked", body, table] as const,
    ]),
  )("%s %s %s → 413 payload_too_large, nothing written", async (method, path, mode, body, table) => {
    const before = await count(table);
    const text = body(`${path}-${mode}`);
    const reply = await request(method, path, {
      headers: json,
      body: mode === "chunked" ? chunked(text) : text,
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: "payload_too_large" });
    expect(await count(table)).toBe(before);
  });

  it("bodies under the limit still work, chunked or not (sign-up stores the user)", async () => {
    const before = await count("users");
    const plain = await request("POST", "/api/auth/sign-up/email", {
      headers: json,
      body: signUpBody("Small", "small@example.test"),
    });
    expect(plain.status).toBe(200);
    const streamed = await request("POST", "/api/auth/sign-up/email", {
      headers: json,
      body: chunked(signUpBody("Streamed", "streamed@example.test")),
    });
    expect(streamed.status).toBe(200);
    expect(await count("users")).toBe(before + 2);
    const echo = await request("POST", "/plugin/echo", { body: chunked("y".repeat(BODY_BYTES)) });
    expect(echo.body).toEqual({ length: BODY_BYTES });
  });
});
