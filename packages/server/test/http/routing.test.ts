import { beforeAll, describe, expect, it } from "vitest";
import { call, makeWorker, migrate, queryPath } from "./support";

const worker = makeWorker();

beforeAll(migrate);

describe("routes and methods", () => {
  it("names handlers per docs/handlers.md (kind folder dropped, index = folder, helpers count)", async () => {
    expect((await call(worker, "GET", "/queries/blog/feed")).body).toEqual(["hello"]);
    expect((await call(worker, "GET", "/queries/blog/answer")).body).toBe(42);
    expect((await call(worker, "POST", "/mutations/projects/echo", { json: {} })).status).toBe(200);
    expect((await call(worker, "POST", "/mutations/mutations/projects/echo")).status).toBe(404);
    expect((await call(worker, "GET", "/queries/blog/index/feed")).status).toBe(404);
  });

  it("decodes percent-encoded names, and refuses encoded slashes", async () => {
    expect((await call(worker, "GET", "/queries/blog/%66eed")).status).toBe(200);
    expect((await call(worker, "GET", "/queries/blog%2Ffeed")).status).toBe(404);
    expect((await call(worker, "GET", "/queries/blog/%E0%A4%A")).status).toBe(404);
    expect((await call(worker, "GET", "/queries/blog/feed/")).status).toBe(404);
  });

  it("queries are GET only: other methods on a known query are 405 with Allow: GET", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await call(worker, method, "/queries/blog/feed");
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow"), method).toBe("GET");
      expect(res.body, method).toEqual({
        code: "method_not_allowed",
        message: 'The query "blog/feed" must be called with GET',
      });
    }
  });

  it("mutations are POST only: other methods on a known mutation are 405 with Allow: POST", async () => {
    const res = await call(worker, "GET", "/mutations/projects/echo");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("a wrong method on an unknown name is 404, and a query name is not a mutation", async () => {
    expect((await call(worker, "POST", "/queries/nope")).status).toBe(404);
    expect((await call(worker, "POST", "/mutations/blog/feed")).status).toBe(404);
    expect((await call(worker, "GET", "/queries/projects/echo")).status).toBe(404);
  });

  it("HEAD runs a query's GET route without a body", async () => {
    const res = await call(worker, "HEAD", "/queries/blog/feed");
    expect([res.status, res.text]).toEqual([200, ""]);
  });
});

describe("request ids", () => {
  it("are generated per request and returned in x-request-id", async () => {
    const a = await call(worker, "GET", queryPath("blog/feed"));
    const b = await call(worker, "GET", queryPath("blog/feed"));
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });

  it("honour a sane incoming id and replace anything else", async () => {
    const sane = await call(worker, "GET", "/nowhere", { headers: { "x-request-id": "edge-1234.abc:5" } });
    expect(sane.headers.get("x-request-id")).toBe("edge-1234.abc:5");
    for (const bad of ["has space", "x".repeat(129), "<script>", "a/b"]) {
      const res = await call(worker, "GET", "/queries/blog/feed", { headers: { "x-request-id": bad } });
      expect(res.headers.get("x-request-id"), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
