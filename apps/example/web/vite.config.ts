import react from "@vitejs/plugin-react";
import type { ProxyOptions } from "vite";
import { defineConfig } from "vite";

// The Worker `appflare dev` serves; `pnpm dev` (scripts/dev.mjs) passes the port it chose.
const worker = process.env.APPFLARE_WORKER_URL ?? "http://localhost:8787";

/**
 * The browser talks to Vite only (one origin: no CORS, cookies and the socket just work); Vite forwards
 * the Worker's routes. Better Auth refuses credential POSTs from an untrusted Origin, and this page's
 * origin is whatever port Vite got, so a request from this very page is forwarded with the Worker's own
 * origin (always trusted). A request from any other origin keeps its Origin and is refused as usual.
 */
function toWorker(ws = false): ProxyOptions {
  return {
    target: worker,
    ws,
    changeOrigin: true,
    configure(proxy) {
      const sameOrigin = (headers: Record<string, string | string[] | undefined>) =>
        headers.origin !== undefined && headers.origin === `http://${headers.host}`;
      proxy.on("proxyReq", (proxyReq, req) => {
        if (sameOrigin(req.headers)) proxyReq.setHeader("origin", new URL(worker).origin);
      });
      proxy.on("proxyReqWs", (proxyReq, req) => {
        if (sameOrigin(req.headers)) proxyReq.setHeader("origin", new URL(worker).origin);
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    proxy: {
      "/queries": toWorker(),
      "/mutations": toWorker(),
      "/api": toWorker(),
      "/storage": toWorker(),
      "/admin": toWorker(),
      "/realtime": toWorker(true),
    },
  },
});
