import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";

browserTest(
  "with a password set, a visitor signs in, chats, and signs out",
  async ({ page, errors }) => {
    const app = await startApp({ APP_PASSWORD: "kata-sandi-rahasia" });
    try {
      await page.goto(`${app.url}/?lang=en`);
      await page.waitForURL(/\/login/);
      await page.getByRole("textbox", { name: "Password" }).or(
        page.getByLabel("Password"),
      ).fill("salah sekali");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
      await page.getByLabel("Password").fill("kata-sandi-rahasia");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("log", { name: "Messages" }).waitFor();
      await waitForIslands(page);
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
      const res = await page.goto(`${app.url}/api/chats`);
      assertEquals(res?.status(), 401);
      // The only errors the page logged are the two refusals above.
      assertEquals(errors.filter((e) => !e.includes("status of 401")), []);
    } finally {
      await app.close();
    }
  },
  { allowErrors: true },
);
