import type { Transport } from "./createTransport";
import type { StorageClient } from "./StorageClient";
import { uploadWithProgress } from "./uploadWithProgress";

const objectPath = (path: string) => `/storage/object?path=${encodeURIComponent(path)}`;

/**
 * The storage helpers over the shared transport.
 *
 * @example
 * const storage = createStorageClient(transport);
 * await storage.upload({ path: "a.txt", body: "hi", contentType: "text/plain" });
 */
export function createStorageClient(transport: Transport): StorageClient {
  return {
    upload: (options) => uploadWithProgress(transport, objectPath(options.path), options),
    url({ path, download }) {
      const suffix =
        download === undefined || download === false
          ? ""
          : `&download=${download === true ? "" : encodeURIComponent(download)}`;
      return `${transport.endpoint}${objectPath(path)}${suffix}`;
    },
    get: ({ path }) => transport.send({ method: "GET", path: objectPath(path) }),
    delete: ({ path }) => transport.json({ method: "DELETE", path: objectPath(path) }),
    list(options = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(options))
        if (value !== undefined) params.set(key, String(value));
      const query = params.size > 0 ? `?${params}` : "";
      return transport.json({ method: "GET", path: `/storage/list${query}` });
    },
  };
}
