import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { shareSession } from "./helpers.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import type { Page } from "playwright-core";

async function asUser(page: Page, url: string) {
  const client = new ApiClient(url);
  const a = await client.createChat();
  await client.send(a, "Resep rendang Padang");
  const b = await client.createChat();
  await client.send(b, "Sejarah Majapahit");
  await shareSession(page, client);
  return { client, a, b };
}

browserTest(
  "the sidebar search finds chats by title and content; Ctrl+K focuses it",
  async ({ page }) => {
    const app = await startApp();
    try {
      const { b } = await asUser(page, app.url);
      await page.goto(`${app.url}/chats/${b}?lang=en`);
      await waitForIslands(page);
      await page.keyboard.press("Control+k");
      const search = page.getByRole("searchbox", { name: "Search chats" });
      assertEquals(
        await search.evaluate((el) => el === document.activeElement),
        true,
      );
      await search.fill("rendang");
      await search.press("Enter");
      const nav = page.getByRole("navigation", { name: "Chats" });
      await nav.getByRole("link", { name: "Show all chats" }).waitFor();
      assertEquals(await nav.getByRole("listitem").count(), 1);
      await nav.getByRole("link", { name: "Resep rendang Padang" }).waitFor();
      // Content matches too: only the answers say "Terima kasih".
      await search.fill("terima kasih");
      await search.press("Enter");
      await nav.getByRole("link", { name: "Sejarah Majapahit" }).waitFor();
      assertEquals(await nav.getByRole("listitem").count(), 2);
      await search.fill("tidak ada sama sekali");
      await search.press("Enter");
      await nav.getByText("No chat matches").waitFor();
      await nav.getByRole("link", { name: "Show all chats" }).click();
      await page.waitForFunction(() =>
        document.querySelectorAll("nav li").length === 2
      );
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "the theme switch changes and remembers light or dark",
  async ({ page }) => {
    const app = await startApp();
    try {
      const { a } = await asUser(page, app.url);
      await page.goto(`${app.url}/chats/${a}?lang=en`);
      await waitForIslands(page);
      const background = () =>
        page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
      assertEquals(await page.getAttribute("html", "data-theme"), "dark");
      assertEquals(await background(), "rgb(21, 23, 28)");
      await page.reload();
      assertEquals(
        await page.getAttribute("html", "data-theme"),
        "dark",
        "the server renders the choice",
      );
      await waitForIslands(page);
      await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
      assertEquals(await background(), "rgb(255, 255, 255)");
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "Ctrl+/ lists the shortcuts; Ctrl+Shift+O opens a new chat",
  async ({ page }) => {
    const app = await startApp();
    try {
      const { a } = await asUser(page, app.url);
      await page.goto(`${app.url}/chats/${a}?lang=en`);
      await waitForIslands(page);
      await page.keyboard.press("Control+/");
      const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await dialog.waitFor();
      await dialog.getByText("Cancel the running answer").waitFor();
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.keyboard.press("Control+Shift+O");
      await page.waitForURL((url) => !url.pathname.endsWith(a));
      await page.getByRole("navigation", { name: "Chats" }).getByRole(
        "listitem",
      ).nth(2).waitFor();
    } finally {
      await app.close();
    }
  },
);
