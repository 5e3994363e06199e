import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { keysUnder, objectUrl, send, storageApp } from "./support";

const CAP = 1000;
const app = storageApp({ uploadBytes: CAP });

function upload(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return send(app, "POST", "/storage/upload", {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Base64 of arbitrary bytes (btoa wants a binary string). */
function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe("POST /storage/upload (appflare 0.2 base64 uploads)", () => {
  it("stores the decoded bytes with content type and metadata", async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const res = await upload({
      path: "/b64/all-bytes.bin",
      contentType: "application/x-test",
      base64Body: base64(bytes),
      customMetadata: { owner: "u1" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      path: "b64/all-bytes.bin",
      size: 256,
      contentType: "application/x-test",
    });
    const read = await send(app, "GET", objectUrl("b64/all-bytes.bin"));
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(bytes);
    expect((await env.STORAGE.head("b64/all-bytes.bin"))?.customMetadata).toEqual({ owner: "u1" });
  });

  it("refuses customMetadata over R2's 2 KiB with 400 naming it, storing nothing", async () => {
    const res = await upload({
      path: "b64/meta-over.bin",
      base64Body: base64(new Uint8Array([1, 2, 3])),
      // Multi-byte characters count in UTF-8 bytes: 4 + 700 × 3 = 2104.
      customMetadata: { note: "€".repeat(700) },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("invalid_args");
    expect(body.message).toContain(
      "customMetadata: custom metadata is 2104 bytes; R2 stores at most 2048 (keys and values, UTF-8)",
    );
    expect(await keysUnder("b64/meta-over")).toEqual([]);
  });

  it("accepts unpadded base64 and an empty body", async () => {
    expect((await upload({ path: "b64/unpadded.txt", base64Body: "aGk" })).status).toBe(200);
    expect(await (await env.STORAGE.get("b64/unpadded.txt"))?.text()).toBe("hi");
    expect((await upload({ path: "b64/empty.txt", base64Body: "" })).status).toBe(200);
    expect((await env.STORAGE.head("b64/empty.txt"))?.size).toBe(0);
  });

  it.each([
    ["not JSON", "{path:", "The request body is not valid JSON"],
    ["a missing base64Body", { path: "b64/x.txt" }, "base64Body"],
    ["a non-string path", { path: 7, base64Body: "aGk=" }, "path"],
    ["invalid base64", { path: "b64/x.txt", base64Body: "not base64!" }, "base64Body is not valid base64"],
    ["base64 with whitespace", { path: "b64/x.txt", base64Body: "aG k=" }, "base64Body is not valid base64"],
    ["an impossible length", { path: "b64/x.txt", base64Body: "aGk=a" }, "base64Body is not valid base64"],
    [
      "non-string metadata",
      { path: "b64/x.txt", base64Body: "aGk=", customMetadata: { n: 1 } },
      "customMetadata",
    ],
  ])("refuses %s with 400 invalid_args, storing nothing", async (_label, body, mention) => {
    const before = await keysUnder();
    const res = await upload(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { code: string; message: string };
    expect(json.code).toBe("invalid_args");
    expect(json.message).toContain(mention);
    expect(await keysUnder()).toEqual(before);
  });

  it("accepts exactly the cap once decoded", async () => {
    const res = await upload({ path: "b64/cap.bin", base64Body: base64(new Uint8Array(CAP)) });
    expect(res.status).toBe(200);
    expect((await env.STORAGE.head("b64/cap.bin"))?.size).toBe(CAP);
  });

  it("refuses a body that decodes to more than the cap with 413, storing nothing", async () => {
    const res = await upload({ path: "b64/over.bin", base64Body: base64(new Uint8Array(CAP + 1)) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: "payload_too_large",
      message: `Request body is larger than ${CAP} bytes (limits.uploadBytes in the app config)`,
    });
    expect(await env.STORAGE.head("b64/over.bin")).toBeNull();
  });

  it("refuses an oversize JSON body by Content-Length and while streaming, storing nothing", async () => {
    const huge = JSON.stringify({ path: "b64/huge.bin", base64Body: "A".repeat(200_000) });
    const declared = await upload(huge, { "content-length": String(huge.length) });
    expect(declared.status).toBe(413);
    const streamed = await send(app, "POST", "/storage/upload", {
      body: new Blob([huge]).stream(),
    });
    expect(streamed.status).toBe(413);
    expect(await env.STORAGE.head("b64/huge.bin")).toBeNull();
  });
});
