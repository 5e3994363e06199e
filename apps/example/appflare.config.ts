import { defineConfig } from "@appflare/server";

export default defineConfig({
  name: "appflare-example",
  // Attachments are stored in R2; the storage routes exist only with this key.
  storage: { bucketName: "appflare-example-files" },
  database: { query: { defaultLimit: 50, maxLimit: 500 } },
  cors: ["http://localhost:5173"],
});
