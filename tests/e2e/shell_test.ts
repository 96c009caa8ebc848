import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";

browserTest(
  "the chat list hides and shows again, and hiding it is remembered",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      const nav = page.getByRole("navigation", { name: "Chats" });
      await nav.waitFor();
      const toggle = page.getByRole("button", { name: "Hide chat list" });
      await page.evaluate(() => {
        (document.querySelector("nav") as unknown as { __server: boolean })
          .__server = true;
      });
      await toggle.click();
      await page.getByRole("button", { name: "Show chat list" }).waitFor();
      assertEquals(
        await page.getByRole("button", { name: "Show chat list" }).getAttribute(
          "aria-expanded",
        ),
        "false",
      );
      assertEquals(await nav.isVisible(), false);
      // Hidden stays hidden on the next page.
      await page.reload();
      await waitForIslands(page);
      assertEquals(await nav.isVisible(), false);
      await page.evaluate(() => {
        (document.querySelector("nav") as unknown as { __server: boolean })
          .__server = true;
      });
      await page.getByRole("button", { name: "Show chat list" }).click();
      assertEquals(await nav.isVisible(), true);
      // The server-rendered chat list is the same node after hydration and toggling.
      assertEquals(
        await page.evaluate(() =>
          (document.querySelector("nav") as unknown as { __server?: boolean })
            .__server
        ),
        true,
      );
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "the language switch changes the UI between Indonesian and English",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/`, { waitUntil: "load" });
      await page.setExtraHTTPHeaders({});
      await waitForIslands(page);
      // The Settings dialog's language applies at once: no Apply button.
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      await page.getByRole("combobox", { name: "Language" }).selectOption("id");
      await page.getByRole("link", { name: "Obrolan baru" }).waitFor();
      assertEquals(await page.getAttribute("html", "lang"), "id");
      await waitForIslands(page);
      await page.getByRole("button", { name: "Pengaturan", exact: true })
        .click();
      await page.getByRole("combobox", { name: "Bahasa" }).selectOption("en");
      await page.getByRole("link", { name: "New chat" }).waitFor();
      // The choice sticks: a plain reload keeps English.
      await page.goto(`${app.url}/`);
      await page.getByRole("link", { name: "New chat" }).waitFor();
    } finally {
      await app.close();
    }
  },
);
