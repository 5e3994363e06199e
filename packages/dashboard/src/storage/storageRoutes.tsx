import {
  AppflareError,
  InvalidQueryError,
  NotFoundError,
  normalizeStorageKey,
  normalizeStoragePrefix,
  PayloadTooLargeError,
} from "@appflare/server";
import type { Hono } from "hono";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { errorMessage } from "../http/errorMessage";
import { pageFrame } from "../http/pageFrame";
import { StoragePage } from "../views/StoragePage";

/**
 * The key of the empty marker object that makes folder `name` under `prefix` exist (`<prefix><name>/`):
 * R2 has no folders, only keys, and a listing with delimiter "/" shows the marker as a sub-prefix.
 * `name` is one path segment; the whole key follows the storage key rules.
 */
function folderKey(prefixField: unknown, nameField: unknown): string {
  const prefix = normalizeStoragePrefix(typeof prefixField === "string" ? prefixField : "");
  const name = typeof nameField === "string" ? nameField.trim() : "";
  if (name === "" || name.includes("/")) {
    throw new InvalidQueryError(
      `Folder name "${name}": give one name without "/" (create nested folders one at a time)`,
    );
  }
  const parent = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
  return `${normalizeStorageKey(`${parent}${name}`)}/`;
}

/**
 * The Storage area on the app's R2 bucket (`config.storage`): browse prefixes as folders, streamed
 * upload (`PUT <base>/storage/object?path=`, or a multipart form without JS), download, image
 * preview, delete, create folder. Admin-only, so the app's storage managers are not consulted; keys go through the
 * same normalization as the app's storage routes.
 */
export function storageRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const bucket = (c: DashboardContext<Env>): R2Bucket => {
    const found = runtime.host.storageBucket(c.env);
    if (!found)
      throw new NotFoundError("Storage is not configured: add config.storage to use the Storage area");
    return found;
  };
  const uploadBytes = runtime.host.config.limits.uploadBytes;

  const render = async (
    c: DashboardContext<Env>,
    error?: string,
    status: 200 | 400 | 403 | 404 | 409 | 413 = 200,
  ) => {
    const frame = pageFrame(c, runtime, "Storage");
    let prefix = "";
    try {
      prefix = normalizeStoragePrefix(c.req.query("prefix"));
      if (prefix && !prefix.endsWith("/")) prefix = `${prefix}/`;
      const cursor = c.req.query("cursor") || undefined;
      // `include` (for content types, so images get previews) is missing from these workers-types.
      const options = {
        prefix,
        delimiter: "/",
        cursor,
        limit: 100,
        include: ["httpMetadata"],
      } as R2ListOptions;
      const listing = await bucket(c).list(options);
      // A folder's own marker (`<prefix>/`, from "create folder") is the folder, not an object in it.
      const objects = listing.objects
        .filter((o) => o.key !== prefix)
        .map((o) => ({
          key: o.key,
          size: o.size,
          uploaded: o.uploaded.toISOString(),
          contentType: o.httpMetadata?.contentType,
        }));
      const next = listing.truncated ? listing.cursor : undefined;
      return c.html(
        <StoragePage
          frame={frame}
          prefix={prefix}
          folders={listing.delimitedPrefixes}
          objects={objects}
          cursor={next}
          error={error}
        />,
        status,
      );
    } catch (problem) {
      const { status: code, message } = errorMessage(problem);
      return c.html(
        <StoragePage
          frame={frame}
          prefix={prefix}
          folders={[]}
          objects={[]}
          cursor={undefined}
          error={message}
        />,
        code,
      );
    }
  };

  app.get("/storage", (c) => render(c));

  app.get("/storage/object", async (c) => {
    const key = normalizeStorageKey(c.req.query("path"));
    const object = await bucket(c).get(key);
    if (!object) throw new NotFoundError(`No object "${key}"`);
    const type = object.httpMetadata?.contentType ?? "application/octet-stream";
    // Only raster images are shown inline (previews); anything else, SVG and HTML included, downloads.
    const inline = /^image\/(png|jpeg|gif|webp|avif)$/.test(type) && !c.req.query("download");
    const name = key.split("/").pop() ?? "download";
    return new Response(object.body, {
      headers: {
        "content-type": inline ? type : "application/octet-stream",
        "content-length": String(object.size),
        "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });
  });

  app.put("/storage/object", async (c) => {
    const key = normalizeStorageKey(c.req.query("path"));
    const length = Number(c.req.header("content-length"));
    if (!Number.isSafeInteger(length)) {
      return c.json(
        { code: "length_required", message: "Send the upload with a Content-Length header" },
        411,
      );
    }
    if (length > uploadBytes) throw new PayloadTooLargeError(uploadBytes);
    const body = c.req.raw.body ?? new Uint8Array();
    await bucket(c).put(key, body, {
      httpMetadata: { contentType: c.req.header("content-type") ?? "application/octet-stream" },
    });
    return c.json({ key, size: length });
  });

  app.post("/storage/upload", async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    const prefix = typeof form.prefix === "string" ? form.prefix : "";
    if (!(file instanceof File)) return render(c, "Choose a file to upload", 400);
    if (file.size > uploadBytes)
      return render(c, `The file is larger than ${uploadBytes} bytes (limits.uploadBytes)`, 413);
    try {
      const key = normalizeStorageKey(`${prefix}${file.name}`);
      await bucket(c).put(key, file.stream(), {
        httpMetadata: { contentType: file.type || "application/octet-stream" },
      });
    } catch (error) {
      const { status, message } = errorMessage(error);
      return render(c, message, status);
    }
    return c.redirect(`${runtime.base}/storage?prefix=${encodeURIComponent(prefix)}`, 303);
  });

  app.post("/storage/folder", async (c) => {
    const form = await c.req.parseBody();
    let folder: string;
    try {
      folder = folderKey(form.prefix, form.name);
      await bucket(c).put(folder, new Uint8Array(0), {
        httpMetadata: { contentType: "application/x-directory" },
      });
    } catch (error) {
      const { status, message } = errorMessage(error);
      return render(c, `No folder was created. ${message}`, status);
    }
    return c.redirect(`${runtime.base}/storage?prefix=${encodeURIComponent(folder)}`, 303);
  });

  app.post("/storage/delete", async (c) => {
    const form = await c.req.parseBody();
    let key: string;
    try {
      key = normalizeStorageKey(form.path);
    } catch (error) {
      if (error instanceof AppflareError) return render(c, error.message, 400);
      throw error;
    }
    await bucket(c).delete(key);
    const prefix = key.includes("/") ? key.slice(0, key.lastIndexOf("/") + 1) : "";
    return c.redirect(`${runtime.base}/storage?prefix=${encodeURIComponent(prefix)}`, 303);
  });
}
