/** Messages from the dev host to `appflare dev`. */
export type DevHostMessage =
  | { readonly type: "ready"; readonly url: string }
  | { readonly type: "reloaded" }
  | { readonly type: "held" }
  | { readonly type: "released" }
  | { readonly type: "failed"; readonly message: string };

/** Messages from `appflare dev` to the dev host. */
export type DevHostCommand =
  | { readonly type: "reload" }
  | { readonly type: "hold" }
  | { readonly type: "release" }
  | { readonly type: "stop" };

/**
 * Source of the small process `appflare dev` runs wrangler in: wrangler's own dev server
 * (`unstable_startWorker`, the engine of `wrangler dev`) with its file watching OFF. appflare decides
 * when the Worker reloads — after a build that succeeded and after the schema's migration is applied —
 * so a broken save never reaches workerd (the last good Worker keeps serving) and a schema change never
 * serves requests against an unmigrated database. A reload waits until a request goes through (the
 * proxy holds requests while the new Worker starts), then reports. A failure in workerd itself ends the
 * host: `appflare dev` shows an error page and starts a new host after the next good build.
 *
 * `hold` pauses wrangler's proxy (the same pause it uses while a Worker reloads): requests wait in the
 * proxy instead of reaching a Worker whose database is being migrated. The next reload serves them with
 * the new Worker; `release` (the migration failed) serves them with the Worker that was running.
 *
 * @example
 * writeFileSync(file, devHostSource(wranglerApiUrl));
 */
export function devHostSource(wranglerApiUrl: string): string {
  return `const { unstable_DevEnv } = await import(${JSON.stringify(wranglerApiUrl)});
const { createRequire } = await import("node:module");
const { pathToFileURL } = await import("node:url");
// wrangler's own miniflare: how the config's date and flags map to a Node.js compatibility mode.
const { getNodeCompat } = await import(
  pathToFileURL(createRequire(${JSON.stringify(wranglerApiUrl)}).resolve("miniflare")).href
);
const options = JSON.parse(process.env.APPFLARE_DEV_HOST);
const send = (message) => process.send?.(message);
const fail = (error) => {
  const message = error?.cause?.message ?? error?.message ?? String(error);
  send({ type: "failed", message });
  setTimeout(() => process.exit(1), 50);
};
process.on("unhandledRejection", fail);
let worker;
let url;
let onReloaded = () => {};
// The proxy target of the Worker now serving (from wrangler's last "reloadComplete"), to resume after a hold.
let serving;
const settle = async () => {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(new URL("/__appflare/dev-ping", url), { signal: AbortSignal.timeout(30000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};
process.on("message", async (command) => {
  if (command.type === "stop") {
    await worker?.dispose().catch(() => {});
    process.exit(0);
  }
  if (command.type === "reload" && worker) {
    const reloaded = new Promise((resolve) => {
      onReloaded = resolve;
      setTimeout(resolve, 120000).unref();
    });
    await worker.patchConfig({});
    await reloaded;
    await settle();
    send({ type: "reloaded" });
  }
  // Holding is a courtesy to requests (the apply is retried while the database is busy): a proxy that
  // cannot be paused must not stop the migration.
  if (command.type === "hold" && worker) {
    await worker.raw.proxy.sendMessageToProxyWorker({ type: "pause" }).catch(() => {});
    send({ type: "held" });
  }
  if (command.type === "release" && worker) {
    if (serving)
      await worker.raw.proxy.sendMessageToProxyWorker({ type: "play", proxyData: serving }).catch(() => {});
    send({ type: "released" });
  }
});
process.on("disconnect", async () => {
  await worker?.dispose().catch(() => {});
  process.exit(0);
});
try {
  const devEnv = new unstable_DevEnv();
  // The runtime's "reloadComplete" goes through DevEnv.dispatch: the new Worker is serving after it.
  // Watched from before the first start, so the first Worker's proxy target is known too.
  const dispatch = devEnv.dispatch.bind(devEnv);
  devEnv.dispatch = (event) => {
    dispatch(event);
    if (event.type === "reloadComplete") {
      serving = event.proxyData;
      onReloaded();
    }
  };
  worker = await devEnv.startWorker({
    config: options.config,
    // A "custom build" that does nothing turns off wrangler's esbuild watch mode: it bundles only
    // when the config is patched (a reload), never on its own when a source file changes.
    // \`wrangler dev\` derives the bundle's Node.js mode from the config's flags; the API leaves that to
    // its caller, and without it every \`node:\` import of a dependency is warned about.
    build: {
      custom: { command: "cd .", watch: options.trigger },
      nodejsCompatMode: (config) =>
        getNodeCompat(config.compatibility_date, config.compatibility_flags ?? []).mode,
    },
    dev: {
      watch: false,
      inspector: false,
      server: { hostname: options.ip, port: options.port },
      ...(options.persist ? { persist: options.persist } : {}),
    },
  });
  worker.raw.on("error", fail);
  await worker.ready;
  url = await worker.url;
  await settle();
  send({ type: "ready", url: url.href });
} catch (error) {
  fail(error);
}
`;
}
