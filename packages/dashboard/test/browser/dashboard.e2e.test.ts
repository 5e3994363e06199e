import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions, skipWithoutChromium } from "../../../../tests/support/chromium";
import { type DevServer, startDevServer } from "./devServer";

const shots = join(import.meta.dirname, "../../test-results/browser");
const PASSWORD = "correct horse battery";

describe.skipIf(skipWithoutChromium("dashboard browser tests"))(
  "the dashboard in Chromium against wrangler dev",
  () => {
    let server: DevServer;
    let browser: Browser;
    let page: Page;
    let step = 0;
    const shot = async (name: string) => {
      step += 1;
      await page.screenshot({
        path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`),
        fullPage: true,
      });
    };
    const signUp = async (email: string) => {
      const res = await fetch(`${server.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email, password: PASSWORD, name: email.split("@")[0] }),
      });
      expect(res.status).toBe(200);
      return {
        token: res.headers.get("set-auth-token") ?? "",
        id: ((await res.json()) as { user: { id: string } }).user.id,
      };
    };

    beforeAll(async () => {
      // Screenshots are numbered by step: clear the last run's, so none is left from a removed step.
      rmSync(shots, { recursive: true, force: true });
      mkdirSync(shots, { recursive: true });
      server = await startDevServer(8700 + (process.pid % 200));
      await signUp("admin@example.com");
      server.sql("UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'");
      browser = await chromium.launch(chromiumLaunchOptions());
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("dialog", (dialog) => void dialog.accept());
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it("signs in as admin", async () => {
      await page.goto(`${server.url}/admin`);
      expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
      await page.getByLabel("Email").fill("admin@example.com");
      await page.getByLabel("Password").fill(PASSWORD);
      await shot("sign-in");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${server.url}/admin`);
      await expect(page.getByRole("heading", { name: "Tables" }).isVisible()).resolves.toBe(true);
      await shot("tables");
    });

    it("creates, edits (an invalid edit first) and deletes a row, picking its relation with the picker", async () => {
      await page.goto(`${server.url}/admin/tables/authors?new=1`);
      await page.getByLabel(/^name/).fill("Grace Hopper");
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/row=/);

      await page.goto(`${server.url}/admin/tables/posts?new=1`);
      await page.getByLabel(/^title/).fill("Compilers");
      await page.locator("#field-meta").fill('{"tags":["history"],"featured":true}');
      await page.locator("#field-status").selectOption("published");
      const picker = page.locator("#field-authorId");
      await picker.pressSequentially("Grace");
      // A locator wait, not waitForFunction("…"): a string predicate is eval'd in the page while it
      // polls, which the dashboard's CSP (script-src 'self') refuses whenever the options come late.
      await page.locator("#field-authorId-options option").first().waitFor({ state: "attached" });
      const option = await page.locator("#field-authorId-options option").first().getAttribute("value");
      expect(option).toMatch(/^\d+$/);
      await shot("relation-picker");
      await picker.fill(option ?? "");
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/row=/);
      await expect(
        page.locator(`a[href="/admin/tables/authors?row=${option}"]`).count(),
      ).resolves.toBeGreaterThan(0);
      await shot("post-created");

      await page.locator("#field-title").fill("x".repeat(81));
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.locator("#field-title-error").textContent()).resolves.toContain(
        "at most 80 characters",
      );
      await shot("invalid-edit");
      await page.locator("#field-title").fill("Compilers, revised");
      await page.getByRole("button", { name: "Save" }).click();
      await page.waitForURL(/row=/);
      await expect(page.locator("#field-title").inputValue()).resolves.toBe("Compilers, revised");

      await page.goto(`${server.url}/admin/tables/posts?new=1`);
      await page.getByLabel(/^title/).fill("Temporary");
      await page.locator("#field-authorId").fill(option ?? "");
      await page.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/row=/);
      await page.getByRole("button", { name: "Delete row" }).click();
      await page.waitForURL((url) => !url.searchParams.has("row"));
      await expect(page.getByText("Temporary").count()).resolves.toBe(0);
    });

    it("reloads a filtered, sorted view from its URL", async () => {
      await page.goto(`${server.url}/admin/tables/posts`);
      await page.locator('select[name="f"]').first().selectOption("title");
      await page.locator('select[name="o"]').first().selectOption("contains");
      await page.locator('input[name="v"]').first().fill("revised");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/v=revised/);
      const url = page.url();
      await page.goto("about:blank");
      await page.goto(url);
      await expect(page.getByText("(1 rows)").isVisible()).resolves.toBe(true);
      await expect(page.locator('input[name="v"]').first().inputValue()).resolves.toBe("revised");
      await shot("filtered-view");
    });

    it("undoes the edit from the audit log", async () => {
      await page.goto(`${server.url}/admin/audit?table=posts`);
      await shot("audit-log");
      const update = page
        .locator("tr", { hasText: "Compilers, revised" })
        .filter({ hasText: "update" })
        .first();
      await update.getByRole("button", { name: /Undo entry/ }).click();
      await page.waitForURL(`${server.url}/admin/audit`);
      await page.goto(`${server.url}/admin/tables/posts?q=Compilers`);
      await expect(page.getByText("Compilers, revised").count()).resolves.toBe(0);
      await expect(page.locator("td", { hasText: /^Compilers$/ }).count()).resolves.toBe(1);
      await shot("after-undo");
    });

    it("exports the filtered view as CSV, then re-imports it through the validation preview", async () => {
      await page.goto(`${server.url}/admin/tables/posts?q=Compilers`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Export CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("posts.csv");
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      const [header, row] = csv.split("\r\n");
      expect(header).toBe("id,title,status,meta,score,publishedAt,authorId,ownerId");
      expect(row).toContain(',Compilers,published,"{""tags"":[""history""],""featured"":true}",');
      const id = row?.split(",")[0] ?? "";

      await page.goto(`${server.url}/admin/tables/posts?row=${id}`);
      await page.getByRole("button", { name: "Delete row" }).click();
      await page.waitForURL((url) => !url.searchParams.has("row"));
      await expect(page.getByText("(0 rows)").isVisible()).resolves.toBe(true);

      // A broken copy first: the preview names the row and field, and offers no import.
      await page.getByLabel("CSV file").setInputFiles({
        name: "posts.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv.replace(",published,", ",archived,")),
      });
      await page.getByRole("button", { name: "Preview import" }).click();
      await page.waitForURL(/\/import$/);
      await expect(page.getByText("1 with problems").isVisible()).resolves.toBe(true);
      await expect(page.locator("td .problem").first().textContent()).resolves.toMatch(/draft|published/);
      await expect(page.getByRole("button", { name: /^Import/ }).count()).resolves.toBe(0);
      await shot("import-preview-invalid");

      await page.goto(`${server.url}/admin/tables/posts`);
      await page.getByLabel("CSV file").setInputFiles({
        name: "posts.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv),
      });
      await page.getByRole("button", { name: "Preview import" }).click();
      await page.waitForURL(/\/import$/);
      await expect(page.getByText("1 row; all valid.").isVisible()).resolves.toBe(true);
      await shot("import-preview");
      await page.getByRole("button", { name: "Import 1 row" }).click();
      await page.waitForURL(`${server.url}/admin/tables/posts`);
      await expect(page.locator(`a[href*="row=${id}"]`).count()).resolves.toBe(1);
      await expect(page.locator("td", { hasText: /^Compilers$/ }).count()).resolves.toBe(1);
      await shot("after-import");
    });

    it("creates a folder, uploads an image into it with progress and previews it", async () => {
      await page.goto(`${server.url}/admin/storage`);
      await page.getByLabel("New folder").fill("photos");
      await page.getByRole("button", { name: "Create folder" }).click();
      await page.waitForURL(/prefix=photos%2F/);
      await expect(page.getByRole("heading", { name: "Storage: /photos/" }).isVisible()).resolves.toBe(true);
      const image = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 120 } });
      await page
        .getByLabel("File")
        .setInputFiles({ name: "header.png", mimeType: "image/png", buffer: image });
      await page.getByRole("button", { name: "Upload" }).click();
      const preview = page.getByAltText("Preview of photos/header.png");
      await preview.waitFor();
      await expect(
        preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).resolves.toBeGreaterThan(0);
      await page.goto(`${server.url}/admin/storage`);
      await expect(page.locator('a[href="/admin/storage?prefix=photos%2F"]').count()).resolves.toBe(1);
      await page.goto(`${server.url}/admin/storage?prefix=photos%2F`);
      await shot("storage-folder");
    });

    it("bans a user, whose requests are then refused", async () => {
      const member = await signUp("member@example.com");
      expect(
        (
          await fetch(`${server.url}/queries/posts/countPosts`, {
            headers: { authorization: `Bearer ${member.token}` },
          })
        ).status,
      ).toBe(200);
      await page.goto(`${server.url}/admin/users?q=member`);
      await page.getByLabel("Reason").fill("spam");
      await page.getByRole("button", { name: "Ban member@example.com" }).click();
      await page.waitForURL(/\/admin\/users/);
      await expect(page.getByText("Banned: spam").isVisible()).resolves.toBe(true);
      await shot("user-banned");
      const refused = await fetch(`${server.url}/queries/posts/countPosts`, {
        headers: { authorization: `Bearer ${member.token}` },
      });
      expect([401, 403]).toContain(refused.status);
    });

    it("runs a mutation as another user", async () => {
      const other = await signUp("other@example.com");
      await page.goto(`${server.url}/admin/functions`);
      await page.getByLabel("Function", { exact: true }).selectOption("mutation:posts/whoami");
      await page.getByLabel("Args (JSON)").fill('{"note":"from the dashboard"}');
      await page.getByLabel(/Run as user id/).fill(other.id);
      await page.getByRole("button", { name: "Run" }).click();
      const result = page.getByRole("region", { name: "Result" });
      await expect(result.textContent()).resolves.toContain(other.id);
      await expect(result.textContent()).resolves.toContain("from the dashboard");
      await shot("function-run");
    });
  },
);
