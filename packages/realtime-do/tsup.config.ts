import { defineConfig } from "tsup";

export default defineConfig({
  // `protocol` is its own entry: the browser client imports it without any Durable Object code.
  entry: { index: "src/index.ts", protocol: "src/protocol/index.ts" },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["cloudflare:workers"],
});
