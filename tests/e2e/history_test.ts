import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { allowClipboard, sendMessage, shareSession } from "./helpers.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { pollUntil } from "@/tests/poll.ts";
import type { Page } from "playwright-core";

/** Settings → "Delete all chats", answered in the page's confirmation with `answer`. */
async function deleteAll(page: Page, answer: "Cancel" | "Delete all") {
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByRole("button", { name: "Delete all chats" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete all chats?" });
  await confirm.getByRole("button", { name: answer, exact: true }).click();
  if (answer === "Cancel") {
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Close" }).click();
  }
}

browserTest(
  "history reads with JavaScript off, and the plain forms still rename and pin",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url);
      const id = await client.createChat();
      await client.send(id, "Apa ibu kota Indonesia?");
      await shareSession(page, client);
      await page.goto(`${app.url}/chats/${id}?lang=en`);
      const log = page.getByRole("log", { name: "Messages" });
      await log.getByText("Apa ibu kota Indonesia?").first().waitFor();
      assertStringIncludes(
        await log.locator('article[data-role="assistant"]').textContent() ?? "",
        "Echo: Apa ibu kota Indonesia?",
      );
      const nav = page.getByRole("navigation", { name: "Chats" });
      // The row menu is a disclosure of plain forms and links.
      const menu = () =>
        nav.getByRole("button", { name: "Chat actions" }).click();
      await menu();
      await nav.getByRole("menuitem", { name: "Pin chat" }).click();
      await nav.getByRole("heading", { name: "Pinned" }).waitFor();
      await menu();
      await nav.getByRole("menuitem", { name: "Unpin chat" }).waitFor();
      await nav.getByRole("menuitem", { name: "Rename chat" }).click();
      const title = nav.getByRole("textbox", { name: "Chat title" });
      await title.fill("Ibu kota");
      await title.press("Enter");
      await nav.getByRole("link", { name: "Ibu kota" }).waitFor();
    } finally {
      await app.close();
    }
  },
  { javaScriptEnabled: false },
);

browserTest(
  "Copy on a message copies that message; Delete all chats asks, then empties the list",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url);
      const first = await client.createChat();
      await client.send(first, "pesan pertama");
      await client.send(first, "pesan kedua");
      await client.createChat();
      await shareSession(page, client);
      await allowClipboard(page);
      await page.goto(`${app.url}/chats/${first}?lang=en`);
      await waitForIslands(page);
      const userMessages = page.locator('article[data-role="user"]');
      await userMessages.first().getByRole("button", { name: "Copy" }).click();
      await userMessages.first().getByText("Copied").waitFor();
      assertEquals(
        await page.evaluate(() => navigator.clipboard.readText()),
        "pesan pertama",
      );

      await deleteAll(page, "Cancel");
      assertEquals(
        (await client.json<{ chats: unknown[] }>("/api/chats")).chats.length,
        2,
        "dismissed: nothing deleted",
      );

      await deleteAll(page, "Delete all");
      await page.waitForURL((url) => !url.pathname.endsWith(first));
      const { chats } = await client.json<{ chats: { id: string }[] }>(
        "/api/chats",
      );
      // Everything was deleted; the home page shows a new chat, unsaved.
      assertEquals(chats.length, 0);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "Delete all chats stops the answers still being written",
  async ({ page }) => {
    // No upstream timeout during the test: only a cancel ends a stall.
    const app = await startApp({ UPSTREAM_TIMEOUT_MS: "60000" });
    try {
      const client = new ApiClient(app.url);
      const other = await client.createChat();
      const running = await client.fetch(`/api/chats/${other}/messages`, {
        method: "POST",
        json: { content: "[[fake:stall]] di chat lain" },
      });
      const mine = await client.createChat();
      await shareSession(page, client);
      await page.goto(`${app.url}/chats/${mine}?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "[[fake:stall]] cerita panjang");
      await page.getByRole("button", { name: "Cancel" }).waitFor();
      // The Cancel button shows before the request reaches the upstream.
      const stalled = await pollUntil(() => {
        const found = app.fake.requests.filter((r) => r.scenario === "stall");
        return found.length === 2 && found;
      }, { what: "both answers being written" });

      await deleteAll(page, "Delete all");
      await page.waitForURL((url) => !url.pathname.endsWith(mine));
      for (const request of stalled) {
        await app.fake.waitForClose(request.index, 2000);
      }
      await running.body?.cancel();
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "with JavaScript off the Model select and Save settings change the chat's model",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url);
      const id = await client.createChat();
      await client.send(id, "Halo");
      await shareSession(page, client);
      await page.goto(`${app.url}/chats/${id}?lang=en&settings=open`);
      const model = page.getByRole("combobox", { name: "Model" });
      await model.selectOption({ label: "OpenAI: GPT-4o-mini" });
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.waitForLoadState("load");
      const chat = await client.json<{ chat: { model: string } }>(
        `/api/chats/${id}`,
      );
      assertEquals(chat.chat.model, "openai/gpt-4o-mini");
      assertEquals(
        await page.getByRole("combobox", { name: "Model" }).inputValue(),
        "openai/gpt-4o-mini",
      );
    } finally {
      await app.close();
    }
  },
  { javaScriptEnabled: false },
);
