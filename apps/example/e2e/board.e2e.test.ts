import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumLaunchOptions, skipWithoutChromium } from "../../../tests/support/chromium";
import { type RunningApp, startApp } from "./startApp";

const shots = join(import.meta.dirname, "../test-results/browser");
const PASSWORD = "a long passphrase";
// Waits on conditions only; generous, for a loaded 2-core CI box.
const LIVE = { timeout: 60_000 };

/** Polls `check` until it holds (a condition, never a fixed sleep); fails naming `what`. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + LIVE.timeout;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const visible = (locator: Locator) => locator.first().waitFor({ state: "visible", ...LIVE });
const contains = (locator: Locator, text: string) =>
  until(`${locator} contains "${text}"`, async () => ((await locator.textContent()) ?? "").includes(text));

describe.skipIf(skipWithoutChromium("the example's browser test"))(
  "the example board: two members live, a non-member shut out",
  () => {
    let app: RunningApp;
    let browser: Browser;
    let ada: Page;
    let bob: Page;
    let eve: Page;
    let slug = "";
    // The pages' console, printed when a test fails: the first thing to read on a red CI run.
    const consoleLog: string[] = [];
    const pages = new Map<string, Page>();
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

    /** A fresh browser context (its own localStorage: its own user), signed up through the form. */
    const signUp = async (name: string): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByRole("button", { name: "Create an account" }).click();
      await page.getByLabel("Name").fill(name);
      await page.getByLabel("Email").fill(`${name.toLowerCase()}@example.com`);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign up" }).click();
      await contains(page.getByTestId("whoami"), `${name.toLowerCase()}@example.com`);
      return page;
    };
    /** Marks the page: the mark survives only as long as the page is never reloaded. */
    const markLoaded = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
    const stillLoaded = (page: Page) => page.evaluate(() => "__notReloaded" in window);

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      app = await startApp();
      browser = await chromium.launch(chromiumLaunchOptions());
    });

    beforeEach(({ onTestFailed }) =>
      onTestFailed(async () => {
        console.error(consoleLog.join("\n"));
        for (const [name, page] of pages)
          await shot(page, `failed-${name}`).catch((error: Error) =>
            console.error(`no screenshot: ${error.message}`),
          );
      }),
    );

    afterAll(async () => {
      await browser?.close();
      await app?.stop();
    });

    it("signs up two users; the owner creates a project and adds the other by email", async () => {
      ada = await signUp("Ada");
      bob = await signUp("Bob");
      await markLoaded(bob);
      await markLoaded(ada);
      await ada.getByLabel("New project name").fill("Launch");
      await ada.getByRole("button", { name: "Create project" }).click();
      await ada.waitForURL(/#\/p\/launch-[0-9a-f]{6}$/, LIVE);
      slug = new URL(ada.url()).hash.slice("#/p/".length);
      await ada.getByLabel("Member email").fill("bob@example.com");
      await ada.getByRole("button", { name: "Add", exact: true }).first().click();
      await contains(ada.getByRole("list", { name: "Members" }), "Bob");
      // Bob's project list is live: the project he was added to appears without a reload.
      await contains(bob.getByRole("list", { name: "Projects" }), "Launch");
      await bob.getByRole("link", { name: "Launch" }).click();
      await visible(bob.getByRole("heading", { name: "Launch" }));
      expect(await stillLoaded(bob)).toBe(true);
    });

    it("a task created, edited and completed by one member changes on the other's screen", async () => {
      await ada.getByLabel("New task title").fill("Write the launch post");
      await ada.getByRole("button", { name: "Add task" }).click();
      const bobsTasks = bob.getByRole("list", { name: "Tasks" });
      await contains(bobsTasks, "Write the launch post");
      await shot(bob, "01-bob-sees-new-task");

      await ada.getByRole("link", { name: "Write the launch post" }).click();
      await ada.getByLabel("Task title", { exact: true }).fill("Write and publish the launch post");
      await ada.getByRole("button", { name: "Save" }).click();
      await contains(bobsTasks, "Write and publish the launch post");

      await ada.getByRole("button", { name: "Complete", exact: true }).click();
      await contains(ada.getByTestId("task-status"), "Done ✓");
      const box = bob.getByRole("checkbox", { name: "Complete Write and publish the launch post" });
      await until("Bob's checkbox is ticked", () => box.isChecked());
      await shot(bob, "02-bob-sees-edit-and-completion");
      expect(await stillLoaded(bob)).toBe(true);
    });

    it("an image one member attaches previews on the other's screen", async () => {
      await bob.getByRole("link", { name: "Write and publish the launch post" }).click();
      await contains(bob.getByTestId("task-status"), "Done ✓");
      // A real PNG, drawn by the browser.
      const png = await ada.evaluate(() => {
        const canvas = document.createElement("canvas");
        canvas.width = 160;
        canvas.height = 100;
        const g = canvas.getContext("2d") as CanvasRenderingContext2D;
        g.fillStyle = "#2563eb";
        g.fillRect(0, 0, 160, 100);
        g.fillStyle = "#fbbf24";
        g.beginPath();
        g.arc(80, 50, 35, 0, Math.PI * 2);
        g.fill();
        return canvas.toDataURL("image/png").split(",")[1] ?? "";
      });
      await ada.getByLabel("Attach a file").setInputFiles({
        name: "cover.png",
        mimeType: "image/png",
        buffer: Buffer.from(png, "base64"),
      });
      for (const page of [ada, bob]) {
        const preview = page.getByRole("img", { name: "cover.png" });
        await visible(preview);
        // Decoded: the bytes arrived and are an image, not an error page.
        await until(
          "the preview is decoded",
          async () => (await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)) === 160,
        );
      }
      await shot(ada, "03-ada-uploaded-image");
      await shot(bob, "04-bob-sees-image-preview");
      expect(await stillLoaded(bob)).toBe(true);
    });

    it("a signed-in non-member sees nothing of the project", async () => {
      eve = await signUp("Eve");
      await visible(eve.getByText("No projects yet"));
      await eve.goto(`${app.url}#/p/${slug}`);
      await visible(eve.getByTestId("not-found"));
      const text = (await eve.locator("body").textContent()) ?? "";
      expect(text).not.toContain("Write and publish");
      expect(text).not.toContain("Bob");
      await eve.goto(`${app.url}#/p/${slug}/t/1`);
      await visible(eve.getByTestId("not-found"));
      await shot(eve, "05-eve-not-a-member");
      // And not through the API either: her token reaches neither the task nor its files.
      const token = await eve.evaluate(() => localStorage.getItem("appflare-example.token"));
      const headers = { authorization: `Bearer ${token}` };
      const task = await fetch(`${app.workerUrl}/queries/tasks/get?args=${encodeURIComponent('{"id":1}')}`, {
        headers,
      });
      expect(task.status).toBe(404);
      const files = await fetch(`${app.workerUrl}/storage/list?prefix=projects/`, { headers });
      expect(files.status).toBe(403);
    });
  },
);
