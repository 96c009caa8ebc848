import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import { accountClient } from "@/tests/account_helpers.ts";
import { audit } from "./axe.ts";

const app = await startApp({ ADMIN_USERNAMES: "audit-en,audit-id" });
Deno.test.afterAll(() => app.close());

for (const lang of ["en", "id"]) {
  browserTest(
    `axe finds no WCAG violation on the account, usage and admin pages (${lang})`,
    async ({ page }) => {
      await page.goto(`${app.url}/account?lang=${lang}`);
      await waitForIslands(page);
      assertEquals(await audit(page), [], "the sign-in page");
      const client = await accountClient(app.url, `audit-${lang}`);
      const chat = await client.createChat();
      await client.send(chat, "halo");
      const cookies = [client.cookie, client.accountCookie].map((c) => {
        const [name, value] = c.split("=");
        return { name, value, url: app.url };
      });
      await page.context().addCookies(cookies);
      for (const path of ["/account", "/account/usage", "/admin"]) {
        await page.goto(`${app.url}${path}?lang=${lang}`);
        // The usage and admin pages have no island to wait for.
        if (path === "/account") await waitForIslands(page);
        assertEquals(await audit(page), [], path);
      }
    },
  );
}
