import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { chatIdOf, clientOf, lastAnswer, sendMessage } from "./helpers.ts";
import { savedAnswerText, startApp } from "@/tests/app_server.ts";

browserTest(
  "a user creates two chats, talks in both, renames, pins and deletes",
  async ({ page }) => {
    const app = await startApp();
    try {
      page.on("dialog", (dialog) => dialog.accept());
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "Halo dari obrolan pertama");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      assertStringIncludes(
        await lastAnswer(page).textContent() ?? "",
        "Echo: Halo dari obrolan pertama",
      );
      const firstUrl = page.url();

      await page.getByRole("button", { name: "New chat" }).click();
      await page.waitForURL((url) => url.href !== firstUrl);
      await waitForIslands(page);
      await sendMessage(page, "Second chat question");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      // The auto-title shows in the chat list after a reload.
      await page.reload();
      const nav = page.getByRole("navigation", { name: "Chats" });
      await nav.getByRole("link", { name: "Halo dari obrolan pertama" })
        .waitFor();
      await nav.getByRole("link", { name: "Second chat question" }).waitFor();

      // Back to the first chat: its history is there.
      await nav.getByRole("link", { name: "Halo dari obrolan pertama" })
        .click();
      await page.getByRole("log", { name: "Messages" }).getByText(
        "Echo: Halo dari obrolan pertama",
      ).waitFor();

      // Rename it.
      const firstItem = nav.getByRole("listitem").filter({
        hasText: "Halo dari obrolan pertama",
      });
      await firstItem.getByRole("button", { name: "Rename chat" }).click();
      await firstItem.getByRole("textbox", { name: "New title" }).fill(
        "Obrolan penting",
      );
      await firstItem.getByRole("button", { name: "Save title" }).click();
      await nav.getByRole("link", { name: "Obrolan penting" }).waitFor();

      // Pin the second chat: it moves to the top.
      const second = nav.getByRole("listitem").filter({
        hasText: "Second chat question",
      });
      await second.getByRole("button", { name: "Pin chat" }).click();
      await nav.getByRole("button", { name: "Unpin chat" }).waitFor();
      assertEquals(
        await nav.getByRole("link").first().textContent(),
        "Second chat question",
      );

      // Delete the renamed chat (confirmed).
      await nav.getByRole("listitem").filter({ hasText: "Obrolan penting" })
        .getByRole("button", { name: "Delete chat" }).click();
      await nav.getByRole("link", { name: "Second chat question" }).waitFor();
      assertEquals(
        await nav.getByRole("link", { name: "Obrolan penting" }).count(),
        0,
      );
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "a user cancels an answer half-way, regenerates, copies, and the fake saw it all",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.context().grantPermissions([
        "clipboard-read",
        "clipboard-write",
      ]);
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "[[fake:slow=150]] cerita panjang");
      const cancel = page.getByRole("button", { name: "Cancel" });
      await cancel.waitFor();
      await page.waitForFunction(() => {
        const el = document.querySelector(
          'article[data-role="assistant"] .message-text',
        );
        return (el?.textContent?.length ?? 0) > 10;
      });
      await cancel.click();
      await lastAnswer(page).and(page.locator('[data-status="cancelled"]'))
        .waitFor();
      await app.fake.waitForClose(app.fake.requests.length - 1, 2000);
      const partial = await lastAnswer(page).locator(".message-text")
        .textContent();
      assert(partial && partial.length > 0, "the partial answer stays");
      await page.reload();
      await lastAnswer(page).and(page.locator('[data-status="cancelled"]'))
        .waitFor();
      assertEquals(
        await lastAnswer(page).locator(".message-text").textContent(),
        partial,
      );
      await waitForIslands(page);

      await page.getByRole("button", { name: "Regenerate" }).click();
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      assertEquals(
        await page.locator('article[data-role="assistant"]').count(),
        1,
      );

      const copy = lastAnswer(page).getByRole("button", {
        name: "Copy",
        exact: true,
      });
      await copy.click();
      await copy.getByRole("status").filter({ hasText: "Copied" }).waitFor();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assertStringIncludes(clip, "Echo: [[fake:slow=150]] cerita panjang");
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "settings change the model, persona and temperature that the upstream receives",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await page.getByRole("combobox", { name: "Model" }).fill(
        "deepseek/deepseek-chat-v3-0324:free",
      );
      await page.getByRole("combobox", { name: "Persona" }).selectOption(
        "math",
      );
      await page.getByRole("slider", { name: /Temperature/ }).fill("0.3");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByRole("slider", { name: /Temperature: 0.30/ }).waitFor();
      await waitForIslands(page);
      await sendMessage(page, "Berapa 2 + 2?");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      const body = app.fake.requests.at(-1)!.body as {
        model: string;
        temperature: number;
        messages: { role: string; content: string }[];
      };
      assertEquals(body.model, "deepseek/deepseek-chat-v3-0324:free");
      assertEquals(body.temperature, 0.3);
      assertStringIncludes(body.messages[0].content, "math teacher");
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "reloading during an answer shows the partial text and continues to the end",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "[[fake:slow=100]] jangan berhenti");
      await page.getByRole("button", { name: "Cancel" }).waitFor();
      // Reload once partial text is saved (the test app flushes every 100 ms).
      const client = await clientOf(page, app.url);
      await savedAnswerText(client, { chatId: chatIdOf(page) });
      await page.reload();
      const answer = lastAnswer(page);
      await answer.and(page.locator('[data-status="streaming"]')).waitFor();
      assert(
        ((await answer.locator(".message-text").textContent()) ?? "").length >
          0,
        "the saved partial text shows at once",
      );
      await answer.and(page.locator('[data-status="complete"]')).waitFor({
        timeout: 15_000,
      });
      assertStringIncludes(
        await answer.textContent() ?? "",
        "Echo: [[fake:slow=100]] jangan berhenti",
      );
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "bang commands typed in the composer are answered in the chat",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "!help");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      const help = await lastAnswer(page).textContent() ?? "";
      for (const word of ["!info_model", "!waktu", "!summarize_chat"]) {
        assertStringIncludes(help, word);
      }
      await sendMessage(page, "!waktu");
      await page.locator('article[data-role="assistant"]').nth(1).and(
        page.locator('[data-status="complete"]'),
      ).waitFor();
      // The browser's time zone (Playwright's default here is the machine's).
      const zone = await page.evaluate(() =>
        Intl.DateTimeFormat().resolvedOptions().timeZone
      );
      assertStringIncludes(await lastAnswer(page).textContent() ?? "", zone);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "the model picker suggests models with context length, price and a free mark",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      const model = page.getByRole("combobox", { name: "Model" });
      assertEquals(await model.inputValue(), "meta-llama/llama-3-8b-instruct");
      const details = await page.locator("#model-details").textContent() ?? "";
      assert(/tokens/.test(details) && /per 1M tokens/.test(details), details);
      const free = await page.locator(
        '#model-options option[value="deepseek/deepseek-chat-v3-0324:free"]',
      )
        .getAttribute("label");
      assert(free?.includes("free") && free.includes("tokens"), free ?? "");
      await model.fill("deepseek/deepseek-chat-v3-0324:free");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.locator("#model-details", { hasText: "free" }).waitFor();
    } finally {
      await app.close();
    }
  },
);
