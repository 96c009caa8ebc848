/**
 * A finished answer of the page's own turns gets its actions (Copy, Like,
 * Dislike, Regenerate) from the footer code that loads with the first
 * finished message; the history re-read is held here, so only that footer
 * can show them.
 */
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import { hideChatList, holdResponses, sendMessage, SIZES } from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

const TEXT = {
  en: { like: "Like", copy: "Copy" },
  id: { like: "Suka", copy: "Salin" },
} as const;

for (
  const [[size, viewport], lang] of [[SIZES[0], "en"], [
    SIZES[1],
    "id",
  ]] as const
) {
  browserTest(
    `a finished answer shows its actions though their code arrived just as it finished (${size}, ${lang})`,
    async ({ page }) => {
      const releaseReread = await holdResponses(page, {
        url: "**/chats/*/history*",
      });
      // The footer's code is asked for by the user's message; it arrives
      // right after the answer has finished, before the answer's footer has
      // asked for it itself. That footer's effect runs after a frame, or
      // after 35 ms without one (preact): frames are held to make that the
      // window. The old code failed this test 8 of 8 times here; on a much
      // slower machine the code could arrive after the window, and the test
      // would then pass on the old code too (it cannot fail on the new).
      const releaseFooter = await holdResponses(page, {
        url: "**/_frsh/js/**",
        marker: "message-foot",
      });
      await page.goto(`${app.url}/?lang=${lang}`);
      await waitForIslands(page);
      await hideChatList(page);
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 10 }, (_, i) => `kata${i} `),
        tokenIntervalMs: 60,
      });
      await sendMessage(page, "halo");
      await page.locator('article[data-role="assistant"]').waitFor();
      const frames = await page.evaluateHandle(() => {
        const raf = globalThis.requestAnimationFrame;
        globalThis.requestAnimationFrame = () => 0;
        return () => globalThis.requestAnimationFrame = raf;
      });
      await page.waitForFunction(
        () =>
          document.querySelector(
            'article[data-role="assistant"][data-status="complete"]',
          ),
        null,
        { polling: 5 },
      );
      releaseFooter();
      await page.waitForFunction(
        (like) =>
          document.querySelector(
            `article[data-role="assistant"] button[aria-label="${like}"]`,
          ),
        TEXT[lang].like,
        { polling: 20, timeout: 5_000 },
      );
      await frames.evaluate((restore) => restore());
      const answer = page.locator('article[data-role="assistant"]');
      await answer.getByRole("button", { name: TEXT[lang].copy, exact: true })
        .waitFor();
      releaseReread();
    },
    { viewport },
  );
}
