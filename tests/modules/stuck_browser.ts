/**
 * Run by tests/browser_test.ts as a test module of its own: a browser test
 * whose wait never ends, with a short time limit.
 */
import { browserTest } from "@/tests/browser.ts";

browserTest(
  "a test that waits for something that never happens",
  async ({ page }) => {
    await page.setContent("<p>nothing will change</p>");
    await page.waitForFunction(() => false, undefined, { timeout: 0 });
  },
  { timeLimitMs: 1_000 },
);
