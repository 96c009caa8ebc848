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
  "the chat search finds chats by title and content as you type; Ctrl+K focuses it",
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
      const rows = (n: number) =>
        page.waitForFunction(
          (n) => document.querySelectorAll("nav li").length === n,
          n,
        );
      // No Enter: the list follows the typing.
      await search.pressSequentially("rendang");
      const nav = page.getByRole("navigation", { name: "Chats" });
      await rows(1);
      await nav.getByRole("link", { name: "Resep rendang Padang" }).waitFor();
      // Content matches too: only the answers say "Terima kasih".
      await search.fill("terima kasih");
      await nav.getByRole("link", { name: "Sejarah Majapahit" }).waitFor();
      await rows(2);
      await search.fill("tidak ada sama sekali");
      await nav.getByText("No chat matches").waitFor();
      await search.fill("");
      await rows(2);
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
      const settings = page.getByRole("button", {
        name: "Settings",
        exact: true,
      });
      await settings.click();
      await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
      assertEquals(await page.getAttribute("html", "data-theme"), "dark");
      assertEquals(await background(), "rgb(31, 31, 34)");
      await page.reload();
      assertEquals(
        await page.getAttribute("html", "data-theme"),
        "dark",
        "the server renders the choice",
      );
      await waitForIslands(page);
      await settings.click();
      await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
      assertEquals(await background(), "rgb(255, 255, 255)");
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "Ctrl+/ lists the shortcuts; Ctrl+Shift+O opens a new chat, stored only when used",
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
      await page.waitForURL((url) => url.pathname === "/chats/new");
      await page.getByRole("heading", { level: 1, name: "New chat" })
        .waitFor();
      assertEquals(
        await page.getByRole("navigation", { name: "Chats" })
          .getByRole("listitem").count(),
        2,
      );
    } finally {
      await app.close();
    }
  },
);
