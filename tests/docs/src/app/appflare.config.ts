import { defineConfig } from "@appflare/server";

export default defineConfig({
  name: "docs-sample",
  storage: { bucketName: "docs-sample-files" },
  auth: { options: { user: { additionalFields: { plan: { type: "string", required: false } } } } },
});
