// The sample app's client module, as docs/client.md creates it (`import { appflare } from "./appflare"`).
import { Appflare } from "./generated/client";

export const appflare = new Appflare({ endpoint: "http://localhost:8787" });
