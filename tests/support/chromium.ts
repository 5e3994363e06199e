// The one place the browser tests (example board, dashboard, `create-appflare -t react`) learn where
// Chromium is and how to start it. playwright-core drives the system Chromium that CI installs with apt.
import { existsSync } from "node:fs";

/** The system Chromium (`apt-get install -y chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/** Options for playwright-core's `chromium.launch`: headless, no sandbox (containers), nothing phoning home. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}

/**
 * Whether a browser suite skips here: only outside CI, and only without Chromium (said on stderr, with
 * the install command). In CI a missing Chromium fails the suite instead of skipping it.
 *
 * @example
 * describe.skipIf(skipWithoutChromium("dashboard browser tests"))("…", () => {});
 */
export function skipWithoutChromium(suite: string): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  console.warn(`SKIPPED ${suite}: ${CHROMIUM} is absent (apt-get install -y chromium). CI runs it.`);
  return true;
}
