import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import {
  allowClipboard,
  chatIdOf,
  clientOf,
  lastAnswer,
  sendMessage,
} from "./helpers.ts";
import { savedAnswerText, startApp } from "@/tests/app_server.ts";

browserTest(
  "a user cancels an answer half-way, regenerates, copies, and the fake saw it all",
  async ({ page }) => {
    const app = await startApp();
    try {
      await allowClipboard(page);
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      // Its first words, then silence: the cancel lands while it streams,
      // however long a click takes. The regenerated answer comes whole.
      app.fake.enqueue({ type: "stall" });
      await sendMessage(page, "cerita panjang");
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
      // One answer on screen: the version it replaced is hidden until the
      // history is re-read, then gone from the page.
      assertEquals(
        await page.locator('article[data-role="assistant"]:visible').count(),
        1,
      );

      const copy = lastAnswer(page).getByRole("button", {
        name: "Copy",
        exact: true,
      });
      await copy.click();
      await copy.getByRole("status").filter({ hasText: "Copied" }).waitFor();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assertStringIncludes(clip, "Echo: cerita panjang");
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
      // Held after its first words until the reloaded page shows them.
      const reloaded = Promise.withResolvers<void>();
      app.fake.enqueue({
        type: "answer",
        holdAfter: 3,
        holdUntil: reloaded.promise,
      });
      await sendMessage(page, "jangan berhenti");
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
      reloaded.resolve();
      await answer.and(page.locator('[data-status="complete"]')).waitFor();
      assertStringIncludes(
        await answer.textContent() ?? "",
        "Echo: jangan berhenti",
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
