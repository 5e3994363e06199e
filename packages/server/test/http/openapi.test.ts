import { beforeAll, describe, expect, it } from "vitest";
import { withDescriptions } from "../../src/handlers/withDescriptions";
import { createWorker } from "../../src/http/createWorker";
import schema from "../boardSchema";
import * as docs from "./app/docs";
import type { TestContextExtension } from "./app/handlers";
import { call, makeWorker, migrate } from "./support";

const worker = makeWorker();

beforeAll(migrate);

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Array<Record<string, unknown>>;
  requestBody?: unknown;
  security?: unknown;
  responses: Record<string, { content: { "application/json": { schema: Record<string, unknown> } } }>;
};
type Doc = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: unknown };
};

async function doc(): Promise<Doc> {
  const res = await call(worker, "GET", "/openapi.json");
  expect(res.status).toBe(200);
  return res.body as Doc;
}

const op = (d: Doc, path: string, method: "get" | "post") => {
  const found = d.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path} in /openapi.json`);
  return found;
};

describe("GET /openapi.json", () => {
  it("lists every query and mutation, and no other kind", async () => {
    const d = await doc();
    expect(d.openapi).toBe("3.1.0");
    expect(d.info.title).toBe("appflare-app");
    expect(Object.keys(d.paths)).toEqual(
      expect.arrayContaining(["/queries/tasks/echo", "/queries/blog/feed", "/mutations/projects/create"]),
    );
    expect(Object.keys(d.paths).some((p) => p.includes("maintenance") || p.includes("mail"))).toBe(false);
  });

  it("gives flat scalar args one typed ?key=value parameter each (arrays as repeated keys)", async () => {
    const flat = op(await doc(), "/queries/docs/flat", "get");
    expect(flat.parameters).toEqual([
      { name: "projectId", in: "query", required: true, schema: { type: "string" } },
      {
        name: "limit",
        in: "query",
        required: false,
        schema: expect.objectContaining({ type: "integer", maximum: 100, default: 20 }),
      },
      { name: "status", in: "query", required: false, schema: { type: "string", enum: ["open", "done"] } },
      {
        name: "tags",
        in: "query",
        required: false,
        style: "form",
        explode: true,
        schema: { type: "array", items: { type: "string" } },
      },
      { name: "since", in: "query", required: false, schema: { type: "string", format: "date-time" } },
    ]);
  });

  it("sends nested args as one JSON-encoded `args` parameter with the whole schema", async () => {
    const nested = op(await doc(), "/queries/docs/nested", "get");
    expect(nested.parameters).toEqual([
      expect.objectContaining({
        name: "args",
        in: "query",
        required: true,
        content: {
          "application/json": {
            schema: expect.objectContaining({
              type: "object",
              required: ["filter"],
              properties: expect.objectContaining({
                filter: expect.objectContaining({ type: "object", required: ["done"] }),
              }),
            }),
          },
        },
      }),
    ]);
  });

  it("documents results from `returns`, and `{}` without one", async () => {
    const d = await doc();
    const ok = op(d, "/queries/docs/flat", "get").responses["200"]?.content["application/json"].schema;
    expect(ok).toMatchObject({
      type: "array",
      items: { type: "object", required: ["id", "title", "due"] },
    });
    const rename = op(d, "/mutations/docs/rename", "post").responses["200"]?.content["application/json"];
    expect(rename?.schema).toMatchObject({ type: "object", required: ["id", "title"] });
    expect(op(d, "/queries/blog/feed", "get").responses["200"]?.content["application/json"].schema).toEqual(
      {},
    );
  });

  it("names operations after handlers and summarizes them from their description", async () => {
    const d = await doc();
    const flat = op(d, "/queries/docs/flat", "get");
    expect(flat.operationId).toBe("docsFlat");
    expect(flat.summary).toBe("Lists a project's tasks");
    expect(flat.description).toContain("Open tasks first");
    const ids = Object.values(d.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists every error response with a body schema, 415 on mutations only", async () => {
    const d = await doc();
    const q = op(d, "/queries/docs/flat", "get");
    const m = op(d, "/mutations/docs/rename", "post");
    expect(Object.keys(q.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409", "413", "500"]);
    expect(Object.keys(m.responses).sort()).toEqual(
      ["200", "400", "401", "403", "404", "409", "413", "415", "500"].sort(),
    );
    const refs = JSON.stringify(m.responses).match(/#\/components\/schemas\/(\w+)/g) ?? [];
    for (const ref of refs) expect(d.components.schemas, ref).toHaveProperty(ref.split("/").pop() as string);
    expect(d.components.schemas.Internal).toMatchObject({ required: ["code", "message", "requestId"] });
  });

  it("declares bearer auth: required with authRequired, optional otherwise", async () => {
    const d = await doc();
    expect(op(d, "/queries/tasks/secret", "get").security).toEqual([{ bearerAuth: [] }]);
    expect(op(d, "/queries/blog/feed", "get").security).toEqual([{ bearerAuth: [] }, {}]);
    expect(d.components.securitySchemes).toEqual({ bearerAuth: { type: "http", scheme: "bearer" } });
  });
});

describe("returns", () => {
  it("passes a result that matches, as the handler returned it", async () => {
    const res = await call(worker, "GET", "/queries/docs/liar?lie=false");
    expect(res).toMatchObject({ status: 200, body: { ok: true, count: 3 } });
    const typed = await call(worker, "GET", "/queries/docs/flat?projectId=p1&limit=5");
    expect(typed).toMatchObject({ status: 200, body: [{ id: 5, title: "p1", due: null }] });
  });

  it("turns a result that breaks the schema into the generic 500, naming the handler in the log", async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const res = await call(worker, "GET", "/queries/docs/liar?lie=true");
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        code: "internal",
        message: "Internal error",
        requestId: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toContain("three");
    } finally {
      console.error = original;
    }
    const text = logged.map((args) => args.map(String).join(" ")).join("\n");
    expect(text).toContain('"docs/liar" returned a value its `returns` schema rejects: count:');
  });
});

describe("withDescriptions (JSDoc from codegen)", () => {
  it("fills summaries of handlers without a description; a description given in code wins", async () => {
    const modules = withDescriptions(
      { docs: { nested: "Searches with a filter.\n\nMore words.", flat: "Ignored: flat has its own." } },
      { docs },
    );
    // The module's own definitions are untouched (copies carry the description).
    expect(docs.nested.description).toBeUndefined();
    const described = createWorker<Cloudflare.Env, TestContextExtension>({ schema, config: {}, modules });
    const d = (await call(described, "GET", "/openapi.json")).body as Doc;
    expect(op(d, "/queries/docs/nested", "get")).toMatchObject({
      summary: "Searches with a filter",
      description: "Searches with a filter.\n\nMore words.",
    });
    expect(op(d, "/queries/docs/flat", "get").summary).toBe("Lists a project's tasks");
    // The copies are still handlers.
    const args = encodeURIComponent(JSON.stringify({ filter: { done: true } }));
    expect(await call(described, "GET", `/queries/docs/nested?args=${args}`)).toMatchObject({
      status: 200,
      body: { filter: { done: true } },
    });
  });
});
