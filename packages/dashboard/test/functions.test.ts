import { beforeAll, describe, expect, it } from "vitest";
import { count, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: string;
let member: { token: string; id: string };

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "fn-admin@example.com", "admin")).token;
  member = await userWithRole(app, "fn-member@example.com");
});

const run = (form: Record<string, string>) =>
  send(app, "POST", "/admin/functions/run", { token: admin, form });

describe("functions", () => {
  it("lists every query and mutation with its args schema", async () => {
    const html = await (await send(app, "GET", "/admin/functions", { token: admin })).text();
    expect(html).toContain('value="query:posts/countPosts"');
    expect(html).toContain('value="mutation:posts/whoami"');
    expect(html).toContain("&quot;note&quot;");
  });

  it("runs a mutation as a chosen user, with the result and duration", async () => {
    const res = await run({ fn: "mutation:posts/whoami", args: '{"note":"hi"}', as: member.id });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`as ${member.id}`);
    expect(html).toContain(`&quot;userId&quot;: &quot;${member.id}&quot;`);
    expect(html).toMatch(/OK in \d+ ms/);
  });

  it("runs as anonymous with HTTP's checks: authRequired is a 401 shown as the result", async () => {
    const html = await (await run({ fn: "mutation:posts/whoami", args: '{"note":"hi"}' })).text();
    expect(html).toContain("Error 401");
    expect(html).toContain("unauthorized");
  });

  it("shows bad args as the handler's 400, and bad JSON before running anything", async () => {
    expect(
      await (await run({ fn: "mutation:posts/whoami", args: '{"note":1}', as: member.id })).text(),
    ).toContain("invalid_args");
    const bad = await run({ fn: "mutation:posts/whoami", args: "{nope" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Args are not valid JSON");
  });

  it("names an unknown function or user", async () => {
    expect((await run({ fn: "mutation:nope", args: "{}" })).status).toBe(404);
    expect((await run({ fn: "query:posts/countPosts", args: "{}", as: "no-such-user" })).status).toBe(404);
    expect(await count("users", "id = 'no-such-user'")).toBe(0);
  });
});
