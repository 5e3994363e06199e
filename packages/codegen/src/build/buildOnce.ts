import { AppflareBuilder } from "./AppflareBuilder";
import type { BuildReport } from "./BuildReport";

/**
 * One full build of the app whose config is `configFile`, then the builder's loader thread and
 * scratch folder are released — what every one-shot command (`build`, `migrate`, `add-admin`) needs.
 *
 * @example
 * const report = await buildOnce("/app/appflare.config.ts");
 */
export async function buildOnce(configFile: string): Promise<BuildReport> {
  const builder = new AppflareBuilder(configFile);
  try {
    return await builder.build();
  } finally {
    await builder.close();
  }
}
