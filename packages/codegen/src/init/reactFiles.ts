/**
 * The files `appflare init --template react` writes besides the backend: a Vite + React page in `web/`,
 * outside scanDir (every file under scanDir is loaded at build time as a handler module). The page is
 * wired to the generated client with one live query and a form that runs a mutation.
 */

const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Appflare notes</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/main.tsx"></script>
  </body>
</html>
`;

const mainTsx = `import { AppflareProvider } from "@appflare/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { appflare } from "./appflare";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <AppflareProvider client={appflare}>
      <App />
    </AppflareProvider>
  </StrictMode>,
);
`;

const appTsx = `import { useMutation, useQuery } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";

export function App() {
  // \`realtime\`: the Worker pushes a new result whenever a write changes this query's rows — a note
  // added here, in another tab, or with curl shows up without a reload.
  const notes = useQuery(appflare.queries.notes.list, { limit: 20 }, { realtime: true });
  const create = useMutation(appflare.mutations.notes.create);
  const [text, setText] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ text }, { onSuccess: () => setText("") });
  };

  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 520, margin: "3rem auto", padding: 16 }}>
      <h1>Notes</h1>
      <form onSubmit={submit} style={{ display: "flex", gap: 8 }}>
        <input
          aria-label="New note"
          placeholder="Write a note"
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ flex: 1 }}
        />
        <button type="submit" disabled={create.isPending || text.trim() === ""}>
          Add
        </button>
      </form>
      {create.error && <p role="alert">{create.error.message}</p>}
      {notes.isPending ? (
        <p>Loading…</p>
      ) : notes.error ? (
        <p role="alert">{notes.error.message}</p>
      ) : notes.data.length === 0 ? (
        <p>No notes yet: add one above.</p>
      ) : (
        <ul aria-label="Notes">
          {notes.data.map((note) => (
            <li key={note.id}>{note.text}</li>
          ))}
        </ul>
      )}
    </main>
  );
}
`;

const appflareTs = `import { Appflare } from "../_generated/client";

// In dev the page and the Worker share one origin (vite.config.ts forwards the Worker's routes). Where
// the page is hosted apart from the Worker, build it with VITE_APPFLARE_URL=https://<worker>.workers.dev
// (and list the page's origin in the config's \`cors\`).
export const appflare = new Appflare({
  endpoint: import.meta.env.VITE_APPFLARE_URL ?? window.location.origin,
});
`;

const viteConfig = `import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { createLogger, defineConfig, type Plugin } from "vite";

// \`npm run dev\` is this Vite server plus, started by the plugin below, \`appflare dev\` (the Worker with
// local D1 and realtime). Vite forwards the Worker's routes, so page and API share one origin: no CORS
// setup, and the realtime socket goes through the same proxy.
const app = dirname(dirname(fileURLToPath(import.meta.url)));
const workerRoutes = ["/queries", "/mutations", "/realtime", "/api", "/storage", "/admin", "/openapi.json"];

export default defineConfig(async ({ command }) => {
  const port = command === "serve" ? await freePort(8787) : 8787;
  const target = \`http://127.0.0.1:\${port}\`;
  return {
    customLogger: quietSocketCloses(),
    plugins: [react(), appflareDev(port)],
    server: {
      proxy: Object.fromEntries(workerRoutes.map((route) => [route, { target, ws: true }])),
    },
    build: { outDir: "dist", emptyOutDir: true },
  };
});

/** Runs \`appflare dev\` on \`port\` next to Vite, and shows the page only once the Worker answers. */
function appflareDev(port: number): Plugin {
  let worker: ChildProcess | undefined;
  return {
    name: "appflare-dev",
    apply: "serve",
    async configureServer(server) {
      const bin = join(dirname(createRequire(import.meta.url).resolve("@appflare/codegen/package.json")), "bin", "appflare.js");
      worker = spawn(process.execPath, [bin, "dev", "--", "--port", String(port), "--ip", "127.0.0.1"], {
        cwd: app,
        stdio: ["ignore", "inherit", "inherit"],
      });
      const stop = () => worker?.kill("SIGINT");
      server.httpServer?.once("close", stop);
      process.once("exit", stop);
      await workerAnswers(\`http://127.0.0.1:\${port}/openapi.json\`, worker);
    },
  };
}

/**
 * Vite's logger, minus the stack traces of a realtime socket the page closed before it opened (React's
 * StrictMode mounts twice in dev): routine, not an error.
 */
function quietSocketCloses() {
  const logger = createLogger();
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    const code = (options?.error as { code?: string } | null | undefined)?.code;
    if (message.includes("ws proxy") && (code === "EPIPE" || code === "ECONNRESET")) return;
    error(message, options);
  };
  return logger;
}

/** Resolves on the Worker's first HTTP answer (a build error page counts: it says what to fix). */
async function workerAnswers(url: string, worker: ChildProcess): Promise<void> {
  for (let i = 0; i < 600 && worker.exitCode === null; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (worker.exitCode !== null) throw new Error(\`appflare dev exited with code \${worker.exitCode}\`);
}

/** \`wanted\`, or the next port above it that nothing listens on. */
async function freePort(wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(\`ports \${wanted}–\${wanted + 49} are all taken\`);
}
`;

const tsconfig = `{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "jsx": "react-jsx",
    "types": ["vite/client", "@cloudflare/workers-types"],
    "strict": true,
    "skipLibCheck": true,
    "isolatedModules": true,
    "verbatimModuleSyntax": true,
    "noEmit": true
  },
  "include": ["**/*.ts", "**/*.tsx"],
  "exclude": ["vite.config.ts", "dist"]
}
`;

/**
 * File path (relative to the app folder) → content, for the React template's page.
 *
 * @example
 * reactFiles()["web/App.tsx"];
 */
export function reactFiles(): Record<string, string> {
  return {
    "web/index.html": indexHtml,
    "web/main.tsx": mainTsx,
    "web/App.tsx": appTsx,
    "web/appflare.ts": appflareTs,
    "web/vite.config.ts": viteConfig,
    "web/tsconfig.json": tsconfig,
  };
}
