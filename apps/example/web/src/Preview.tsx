import { useEffect, useState } from "react";
import { appflare } from "./appflare";

/**
 * An image from storage. An `<img src>` carries no bearer token, so the file is fetched with the
 * client (which sends it) and shown from an object URL, revoked when the preview goes away.
 */
export function Preview({ path, alt }: { readonly path: string; readonly alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void appflare.storage.get({ path }).then(async ({ data }) => {
      if (!data || cancelled) return;
      objectUrl = URL.createObjectURL(await data.blob());
      if (cancelled) URL.revokeObjectURL(objectUrl);
      else setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path]);
  return url ? <img className="preview" src={url} alt={alt} /> : <span className="preview muted">…</span>;
}
