#!/usr/bin/env node
// `pnpm bench client-size`: min+gzip of what a front-end ships for @appflare/client and @appflare/react,
// beside convex/browser and @trpc/client with its ws link, all bundled the same way in this run.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { machine } from "../support/machine.mjs";
import { printTable } from "../support/printTable.mjs";
import { writeResult } from "../support/writeResult.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { build, version: esbuildVersion } = require("esbuild");

/** What the user owns (peers), never counted: the same list for every library. */
const external = [
  "react",
  "react-dom",
  "@tanstack/react-query",
  "better-auth",
  "better-auth/*",
  // @appflare/react's persistence: optional peers, imported lazily only with `persist`.
  "@tanstack/query-persist-client-core",
  "@tanstack/query-sync-storage-persister",
];

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // The workspace packages' `development` export is their src/ (the same code tsup builds).
    conditions: ["development"],
    external,
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const cases = [
  { name: "@appflare/client", code: 'export * from "@appflare/client";' },
  {
    name: "@appflare/client + @appflare/react",
    code: 'export * from "@appflare/client";\nexport * from "@appflare/react";',
  },
  { name: "convex/browser", code: 'export * from "convex/browser";' },
  // Everything @trpc/client exports: its proxy client, HTTP links and the ws link (createWSClient, wsLink).
  { name: "@trpc/client (http + ws link)", code: 'export * from "@trpc/client";' },
  // What a tRPC app with subscriptions imports: the client, HTTP batch and split links, the ws link.
  {
    name: "@trpc/client (used parts)",
    code: 'export { createTRPCClient, httpBatchLink, splitLink, createWSClient, wsLink } from "@trpc/client";',
  },
];

const sizes = {};
for (const c of cases) sizes[c.name] = await bundle(c.code);
const client = sizes["@appflare/client"];
const both = sizes["@appflare/client + @appflare/react"];
const reactOnTop = { min: both.min - client.min, gzip: both.gzip - client.gzip };

const kb = (bytes) => (bytes / 1000).toFixed(1);
const rows = [
  ["@appflare/client", kb(client.min), kb(client.gzip), client.gzip <= 7500 ? "≤ 7.5 kB ✓" : "≤ 7.5 kB ✗"],
  [
    "@appflare/react (on top)",
    kb(reactOnTop.min),
    kb(reactOnTop.gzip),
    reactOnTop.gzip <= 3000 ? "≤ 3 kB ✓" : "≤ 3 kB ✗",
  ],
  ["convex/browser", kb(sizes["convex/browser"].min), kb(sizes["convex/browser"].gzip), "baseline"],
  [
    "@trpc/client (http + ws link)",
    kb(sizes["@trpc/client (http + ws link)"].min),
    kb(sizes["@trpc/client (http + ws link)"].gzip),
    "baseline",
  ],
  [
    "@trpc/client (used parts)",
    kb(sizes["@trpc/client (used parts)"].min),
    kb(sizes["@trpc/client (used parts)"].gzip),
    "baseline",
  ],
];
printTable(
  [
    { title: "bundle", width: 30 },
    { title: "min kB", width: 7, align: "right" },
    { title: "min+gzip kB", width: 11, align: "right" },
    { title: "target", width: 10 },
  ],
  rows,
);
const versions = {
  esbuild: esbuildVersion,
  convex: require("convex/package.json").version,
  "@trpc/client": require("@trpc/client/package.json").version,
};
console.log(`\nexternal (not counted): ${external.join(", ")}; esbuild ${versions.esbuild}, minify, gzip -9`);
console.log(
  `wrote ${writeResult("client-size", { machine: machine(), versions, external, sizes, reactOnTop })}`,
);
