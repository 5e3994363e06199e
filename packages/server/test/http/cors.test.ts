import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, makeWorker, migrate, queryPath } from "./support";

beforeAll(migrate);

const path = queryPath("tasks/dates");

describe("CORS from config.cors", () => {
  const worker = makeWorker({ config: { cors: ["https://app.example.com", "http://localhost:5173/"] } });

  it("echoes a listed origin with credentials and Vary: Origin", async () => {
    const res = await call(worker, "GET", path, { headers: { origin: "https://app.example.com" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(res.headers.get("vary")).toBe("Origin");
    // The trailing slash in the config is tolerated.
    const local = await call(worker, "GET", path, { headers: { origin: "http://localhost:5173" } });
    expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("never echoes an origin that is not listed", async () => {
    for (const origin of [
      "https://evil.example.com",
      "https://app.example.com.evil.com",
      "null",
      "https://APP.example.com:444",
    ]) {
      const res = await call(worker, "GET", path, { headers: { origin } });
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(res.headers.get("access-control-allow-credentials"), origin).toBeNull();
      expect(res.headers.get("vary"), origin).toBe("Origin");
    }
  });

  it("answers preflights for listed origins only", async () => {
    const preflight = (origin: string) =>
      call(worker, "OPTIONS", "/mutations/projects/echo", {
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, authorization",
        },
      });
    const ok = await preflight("https://app.example.com");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    expect(ok.headers.get("x-request-id")).toBeTruthy();
    const denied = await preflight("https://evil.example.com");
    expect(denied.status).toBe(204);
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    expect(denied.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("adds CORS headers to error responses too, so the client can read them", async () => {
    const res = await call(worker, "GET", "/queries/nope", {
      headers: { origin: "https://app.example.com" },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  });
});

describe("CORS with a wildcard", () => {
  const worker = makeWorker({ config: { cors: ["*", "https://trusted.example.com"] } });

  it("grants any origin `*` without credentials", async () => {
    const res = await call(worker, "GET", path, { headers: { origin: "https://random.example.org" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("still gives credentials to an explicitly listed origin", async () => {
    const res = await call(worker, "GET", path, { headers: { origin: "https://trusted.example.com" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://trusted.example.com");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });
});

describe("CORS from env ALLOWED_ORIGINS", () => {
  const worker = makeWorker();

  it("uses the comma list when config.cors is not set", async () => {
    const withOrigins = {
      ...env,
      ALLOWED_ORIGINS: " https://a.example.com , not a url,https://b.example.com",
    };
    const a = await call(worker, "GET", path, {
      headers: { origin: "https://b.example.com" },
      env: withOrigins,
    });
    expect(a.headers.get("access-control-allow-origin")).toBe("https://b.example.com");
    const other = await call(worker, "GET", path, {
      headers: { origin: "https://c.example.com" },
      env: withOrigins,
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends no CORS headers at all when nothing is configured", async () => {
    const res = await call(worker, "GET", path, { headers: { origin: "https://a.example.com" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("vary")).toBeNull();
  });
});
