/**
 * Like pressed while the history is being re-read after an answer: the
 * re-read HTML was rendered before the Like was saved, and must not show the
 * answer as not liked.
 */
import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import { answersComplete, lastAnswer, sendMessage } from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

for (
  const [lang, viewport, like] of [
    ["en", { width: 1280, height: 860 }, "Like"],
    ["id", { width: 360, height: 740 }, "Suka"],
  ] as const
) {
  browserTest(
    `${like} pressed while the history is re-read stays pressed (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      // The server renders the re-read at once; it arrives after the Like,
      // as on a slow connection.
      let release = () => {};
      const held = new Promise<void>((resolve) => release = resolve);
      let rendered = () => {};
      const fetched = new Promise<void>((resolve) => rendered = resolve);
      await page.route("**/chats/*/history*", async (route) => {
        const response = await route.fetch();
        rendered();
        await held;
        await route.fulfill({ response });
      });
      await page.goto(`${app.url}/?lang=${lang}`);
      await waitForIslands(page);
      await sendMessage(page, "halo");
      await answersComplete(page, 1);
      await fetched;
      const saved = page.waitForResponse((r) =>
        r.request().method() === "PATCH" && r.ok()
      );
      await lastAnswer(page).getByRole("button", { name: like, exact: true })
        .click();
      await saved;
      const reread = page.waitForResponse((r) => r.url().includes("/history"));
      release();
      await reread;
      const inHistory = page.locator(
        "#chat-history article[data-role=assistant]",
      );
      await inHistory.waitFor();
      assertEquals(
        await inHistory.getByRole("button", { name: like, exact: true })
          .getAttribute("aria-pressed"),
        "true",
      );
      // Saved too: a reload shows it.
      await page.reload();
      await waitForIslands(page);
      await lastAnswer(page).getByRole("button", {
        name: like,
        exact: true,
        pressed: true,
      }).waitFor();
    },
    { viewport },
  );
}
