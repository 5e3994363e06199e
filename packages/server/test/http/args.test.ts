import { beforeAll, describe, expect, it } from "vitest";
import { call, makeWorker, migrate, queryPath } from "./support";

const worker = makeWorker();

beforeAll(migrate);

const polluted = () => (Object.prototype as Record<string, unknown>).polluted;

describe("query args", () => {
  it("come from the JSON `args` param", async () => {
    const res = await call(
      worker,
      "GET",
      queryPath("tasks/echo", { n: 1.5, tags: ["a"], filter: { done: true } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ n: 1.5, tags: ["a"], filter: { done: true }, protoPolluted: null });
  });

  it("come from plain params, coerced by the arg shape", async () => {
    const qs = new URLSearchParams([
      ["n", "3"],
      ["flag", "true"],
      ["tags", "a"],
      ["tags", "b"],
      ["nums", "1"],
      ["nums", "2.5"],
      ["when", "1970-01-02T00:00:00.000Z"],
      ["level", "high"],
      ["maybe", "null"],
      ["label", "007"],
      ["filter", '{"done":false}'],
    ]);
    const res = await call(worker, "GET", `/queries/tasks/echo?${qs}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      n: 3,
      flag: true,
      tags: ["a", "b"],
      nums: [1, 2.5],
      when: "1970-01-02T00:00:00.000Z",
      level: "high",
      maybe: null,
      label: "007",
      filter: { done: false },
      protoPolluted: null,
    });
  });

  it("turn one value of an array field into a one-element array, and 0/1 into booleans", async () => {
    const res = await call(worker, "GET", "/queries/tasks/echo?n=-2e3&tags=solo&flag=0");
    expect(res.body).toMatchObject({ n: -2000, tags: ["solo"], flag: false });
  });

  it("report a plain param that does not convert as invalid_args", async () => {
    const res = await call(worker, "GET", "/queries/tasks/echo?n=abc&flag=maybe");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "invalid_args",
      issues: [expect.objectContaining({ path: ["n"] }), expect.objectContaining({ path: ["flag"] })],
    });
  });

  it("use the JSON `args` param alone when it is present", async () => {
    const res = await call(worker, "GET", `/queries/tasks/echo?n=9&args=${encodeURIComponent('{"n":1}')}`);
    expect(res.body).toMatchObject({ n: 1 });
  });

  it("treat an empty `args` param and no params as {}", async () => {
    expect((await call(worker, "GET", "/queries/tasks/dates?args=")).status).toBe(200);
    const missing = await call(worker, "GET", "/queries/tasks/echo");
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: "invalid_args",
      issues: [expect.objectContaining({ path: ["n"] })],
    });
  });

  it("answer malformed JSON with 400 invalid_args", async () => {
    const res = await call(worker, "GET", "/queries/tasks/echo?args=%7Bn%3A1");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: "invalid_args",
      message: 'The "args" query parameter is not valid JSON',
      issues: [{ code: "invalid_json", path: [], message: 'The "args" query parameter is not valid JSON' }],
    });
  });

  it("must be an object", async () => {
    for (const args of [[1], "text", 3, null]) {
      const res = await call(worker, "GET", queryPath("tasks/echo", args));
      expect(res.status, JSON.stringify(args)).toBe(400);
      expect(res.body, JSON.stringify(args)).toMatchObject({ code: "invalid_args" });
    }
  });
});

describe("mutation bodies", () => {
  it("are JSON args; an empty body is {}", async () => {
    expect((await call(worker, "POST", "/mutations/projects/echo", { json: { text: "abc" } })).body).toEqual({
      length: 3,
    });
    expect(
      (
        await call(worker, "POST", "/mutations/projects/echo", {
          headers: { "content-type": "application/json" },
        })
      ).body,
    ).toEqual({
      length: 0,
    });
    // Without a JSON content type (fetch sends text/plain for strings): 415, see test/hardening.
    const plain = await call(worker, "POST", "/mutations/projects/echo", { body: '{"text":"hi"}' });
    expect(plain.status).toBe(415);
  });

  it("answer malformed JSON and invalid UTF-8 with 400 invalid_args", async () => {
    const bad = await call(worker, "POST", "/mutations/projects/echo", {
      body: '{"text": "unterminated',
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "invalid_args", message: "The request body is not valid JSON" });
    const bytes = await call(worker, "POST", "/mutations/projects/echo", {
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect(bytes.status).toBe(400);
    expect(bytes.body).toMatchObject({
      code: "invalid_args",
      message: "The request body is not valid UTF-8",
    });
  });
});

describe("prototype pollution", () => {
  it("a __proto__ key in args JSON never reaches Object.prototype; a strict schema answers 400", async () => {
    const payload = '{"__proto__": {"polluted": "yes"}, "x": 1}';
    const strict = await call(worker, "GET", `/queries/tasks/strict?args=${encodeURIComponent(payload)}`);
    expect(strict.status).toBe(400);
    expect(strict.body).toMatchObject({
      code: "invalid_args",
      issues: [expect.objectContaining({ code: "unrecognized_keys", keys: ["__proto__"] })],
    });
    expect(polluted()).toBeUndefined();
  });

  it("a stripping schema drops __proto__ and constructor keys without pollution", async () => {
    const payload =
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "n": 1}';
    const res = await call(worker, "GET", `/queries/tasks/echo?args=${encodeURIComponent(payload)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ n: 1, protoPolluted: null });
    const body = await call(worker, "POST", "/mutations/projects/echo", {
      body: payload.replace('"n": 1', '"text": "t"'),
      headers: { "content-type": "application/json" },
    });
    expect(body.body).toEqual({ length: 1 });
    expect(polluted()).toBeUndefined();
  });

  it("plain __proto__ params are ordinary keys", async () => {
    const res = await call(worker, "GET", "/queries/tasks/echo?n=1&__proto__=x&__proto__[polluted]=yes");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ n: 1, protoPolluted: null });
    const strict = await call(worker, "GET", "/queries/tasks/strict?x=1&__proto__=x");
    expect(strict.status).toBe(400);
    expect(polluted()).toBeUndefined();
  });
});
