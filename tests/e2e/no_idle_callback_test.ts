/**
 * Safari has no `requestIdleCallback`: the work the page leaves for an idle
 * moment (the lazy parts, the markdown engine's warm-up, the event decoder)
 * must still happen there. Chromium is made to lack it before any script
 * runs, and the page is used as in any other browser.
 */
import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import {
  allowClipboard,
  answersComplete,
  clipboardText,
  sendMessage,
  SIZES,
} from "./helpers.ts";

for (const [label, viewport] of SIZES) {
  browserTest(
    `a browser without requestIdleCallback gets a working page, answers and shortcuts (${label})`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await page.addInitScript(() => {
          const page = globalThis as { requestIdleCallback?: unknown };
          delete page.requestIdleCallback;
          delete (globalThis as { cancelIdleCallback?: unknown })
            .cancelIdleCallback;
        });
        await allowClipboard(page);
        await page.goto(`${app.url}/?lang=en`);
        assertEquals(
          await page.evaluate(() => typeof globalThis.requestIdleCallback),
          "undefined",
        );
        // The lazy parts and the client navigation start after the load.
        await waitForIslands(page);

        app.fake.enqueue({
          type: "answer",
          text: "Kode:\n\n```py\nprint('tanpa idle')\n```\n",
        });
        await sendMessage(page, "beri contoh kode");
        await answersComplete(page, 1);
        await page.getByRole("button", { name: "Copy code" }).waitFor();
        // The shortcut belongs to a lazy part (components/Shortcuts.tsx).
        await page.keyboard.press("Control+Shift+;");
        const copied = await clipboardText(
          page,
          (text) => text.includes("tanpa idle"),
        );
        assertEquals(copied.trim(), "print('tanpa idle')");
      } finally {
        await app.close();
      }
    },
    { viewport },
  );
}
