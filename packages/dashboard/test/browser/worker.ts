// The fixture app the browser test serves with `wrangler dev`: the test app's schema and handlers with
// the dashboard plugin, as the generated worker would wire them.

import { createWorker } from "@appflare/server";
import { dashboard } from "../../src/index";
import { modules } from "../app/modules";
import schema from "../app/schema";

const app = createWorker({
  schema,
  config: { name: "dash-e2e", storage: { binding: "STORAGE", bucketName: "dash-e2e" } },
  modules,
  plugins: [dashboard()],
});

export default app.worker;
