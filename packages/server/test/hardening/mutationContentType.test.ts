import { beforeAll, describe, expect, it } from "vitest";
import { count, migrateAuthDb } from "../auth/support";
import { request } from "./support";

beforeAll(migrateAuthDb);

const body = (name: string) => JSON.stringify({ name });

describe("mutations take JSON only (issue 9 item 5)", () => {
  const refused: [string, Record<string, string>, BodyInit | null][] = [
    ["text/plain (a no-cors fetch)", { "content-type": "text/plain" }, body("t1")],
    ["a form post", { "content-type": "application/x-www-form-urlencoded" }, "name=t2"],
    ["multipart", { "content-type": "multipart/form-data; boundary=x" }, "--x\r\n\r\nname\r\n--x--"],
    ["no content type, JSON body", {}, new Blob([body("t4")])],
    ["no content type, no body", {}, null],
    ["text/json", { "content-type": "text/json" }, body("t6")],
    ["application/jsonp", { "content-type": "application/jsonp" }, body("t7")],
  ];

  it.each(refused)("%s → 415 unsupported_media_type, handler not run", async (_name, headers, payload) => {
    const before = await count("labels");
    const reply = await request("POST", "/mutations/labels/add", { headers, body: payload });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ code: "unsupported_media_type" });
    expect((reply.body as { message: string }).message).toContain("labels/add");
    expect(await count("labels")).toBe(before);
  });

  it.each([
    ["application/json", "ok1"],
    ["application/json; charset=utf-8", "ok2"],
    ["Application/JSON", "ok3"],
  ])("%s is accepted", async (contentType, name) => {
    const before = await count("labels");
    const reply = await request("POST", "/mutations/labels/add", {
      headers: { "content-type": contentType },
      body: body(name),
    });
    expect(reply.status).toBe(200);
    expect(await count("labels")).toBe(before + 1);
  });

  it("an unknown mutation is still 404 whatever the content type", async () => {
    const reply = await request("POST", "/mutations/labels/nope", {
      headers: { "content-type": "text/plain" },
    });
    expect(reply.status).toBe(404);
  });
});
