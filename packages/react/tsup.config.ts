import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: [
    "react",
    "@tanstack/react-query",
    "@tanstack/query-persist-client-core",
    "@tanstack/query-sync-storage-persister",
    "@appflare/client",
  ],
});
