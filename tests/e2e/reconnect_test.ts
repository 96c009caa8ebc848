/**
 * The browser through faults: the server dies during an answer and comes
 * back on the same port and KV file, from the same build (as a deployment
 * restarts: a bundle made in memory would have other URLs, see
 * tests/app_process.ts); the page says it is reconnecting, then
 * shows the interrupted answer with Retry, and the chat goes on without a
 * reload; Cancel while it is down and going offline are handled calmly.
 * No unhandled rejection, no script error.
 */
import type { Page } from "playwright-core";
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, savedAnswerText } from "@/tests/app_server.ts";
import { freePort, processEnv, startAppProcess } from "@/tests/app_process.ts";
import { startFakeOpenRouter } from "@/tests/fake_openrouter.ts";
import {
  answersComplete,
  lastAnswer,
  sendMessage,
  shareSession,
  shootThemes,
  SIZES,
} from "./helpers.ts";

/** Errors a user's console would show, but for the browser's own lines about refused connections. */
function scriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // Chromium logs each refused request itself; a script cannot stop that.
    if (/^Failed to load resource: net::ERR_/.test(msg.text())) return;
    errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

for (const [label, viewport] of SIZES) {
  browserTest(
    `a server killed and restarted during an answer: reconnecting, interrupted with Retry, and the chat goes on (${label})`,
    async ({ page }) => {
      const errors = scriptErrors(page);
      const dir = await Deno.makeTempDir();
      const fake = await startFakeOpenRouter();
      const env = processEnv(dir, fake);
      const port = freePort();
      let app = await startAppProcess(env, { port, built: true });
      try {
        const client = new ApiClient(app.url);
        const id = await client.createChat({ title: "Through faults" });
        await shareSession(page, client);
        await page.goto(`${app.url}/chats/${id}?lang=en`);
        await waitForIslands(page);

        // Its first words, then silence until the crash; the Retry below
        // gets an ordinary answer.
        fake.enqueue({ type: "stall" });
        await sendMessage(
          page,
          "tell me a long story about the sea and the wind",
        );
        const answer = lastAnswer(page);
        await answer.and(page.locator('[data-status="streaming"]')).waitFor();
        await page.waitForFunction(() =>
          (document.querySelector('article[data-status="streaming"]')
            ?.textContent ?? "").includes("Echo:")
        );
        // Some text is stored before the crash.
        await savedAnswerText(client, { chatId: id });

        await app.kill();
        const note = answer.getByRole("status");
        await note.filter({ hasText: "Connection lost, reconnecting…" })
          .waitFor();
        await answer.evaluate((el) => el.scrollIntoView({ block: "center" }));
        await shootThemes(page, `reconnecting-${label}`);

        // Cancel with the server down: tried twice, then said quietly.
        await page.getByRole("button", { name: "Cancel" }).click();
        await page.getByRole("status").filter({
          hasText: "Cancel did not reach the server",
        }).waitFor();

        // Offline, it waits for 'online' instead of trying on.
        const offline = label === "desktop";
        if (offline) {
          await page.context().setOffline(true);
          await note.filter({ hasText: "You are offline." }).waitFor();
        }

        // The restarted process knows the dead one's lease is gone (its
        // holder no longer runs) and repairs the answer at once.
        app = await startAppProcess(env, { port, built: true });
        if (offline) await page.context().setOffline(false);

        await answer.and(page.locator('[data-status="error"]')).waitFor();
        await answer.getByText("Interrupted: the answer stopped before")
          .waitFor();
        assertStringIncludes(await answer.textContent() ?? "", "Echo:");
        const retry = answer.getByRole("button", { name: "Retry" });
        await retry.waitFor();
        // Before anything scrolls the answer into view: a markdown block
        // finished out of view is not laid out, and must not widen the page.
        assertEquals(
          await page.evaluate(() => document.documentElement.scrollWidth),
          viewport.width,
          "no sideways scrolling",
        );
        await answer.evaluate((el) => el.scrollIntoView({ block: "center" }));
        await shootThemes(page, `interrupted-${label}`);
        assertEquals(
          await page.getByRole("textbox", { name: "Message" }).isEnabled(),
          true,
        );
        assertEquals(await page.getByRole("alert").count(), 0);
        assertEquals(
          await page.getByText("Cancel did not reach the server").count(),
          0,
          "the note about the cancel goes once the answer has ended",
        );

        // Retry answers the same question again, in the same place.
        await retry.click();
        await answersComplete(page, 1);
        assertStringIncludes(
          await lastAnswer(page).textContent() ?? "",
          "the sea and the wind",
        );
        // And a new message can be sent without a reload.
        await sendMessage(page, "One more question after the restart");
        await answersComplete(page, 2);
        assertStringIncludes(
          await lastAnswer(page).textContent() ?? "",
          "Echo: One more question after the restart",
        );
        assert(errors.length === 0, errors.join("\n"));
      } finally {
        await app.stop();
        await fake.close();
        await Deno.remove(dir, { recursive: true }).catch(() => {});
      }
    },
    { viewport, allowErrors: true },
  );
}
