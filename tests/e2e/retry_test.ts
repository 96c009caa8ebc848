/**
 * An answer that failed upstream shows why, in the UI language, and a
 * "Retry" button that answers the same question again.
 */
import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import {
  answersComplete,
  lastAnswer,
  sendMessage,
  shareSession,
  SIZES,
} from "./helpers.ts";

for (const [label, viewport] of SIZES) {
  browserTest(
    `Retry on an answer that failed upstream answers again (${label})`,
    async ({ page }) => {
      const app = await startApp();
      try {
        const client = new ApiClient(app.url);
        const id = await client.createChat({ title: "Retry" });
        await shareSession(page, client);
        await page.goto(`${app.url}/chats/${id}?lang=en`);
        await waitForIslands(page);

        // The next completion fails with a 500; the one after answers.
        app.fake.enqueue({ type: "http_error", status: 500 });
        await sendMessage(page, "What is the capital of Indonesia?");
        const answer = lastAnswer(page);
        await answer.and(page.locator('[data-status="error"]')).waitFor();
        assertStringIncludes(await answer.textContent() ?? "", "Failed:");
        // Retry takes Regenerate's place; Like and Dislike wait for an answer.
        assertEquals(
          await page.getByRole("button", { name: "Regenerate" }).count(),
          0,
        );
        assertEquals(
          await answer.getByRole("button", { name: "Like" }).count(),
          0,
        );
        assertEquals(
          await page.getByRole("textbox", { name: "Message" }).isEnabled(),
          true,
        );

        await answer.getByRole("button", { name: "Retry" }).click();
        await answersComplete(page, 1);
        assertStringIncludes(
          await lastAnswer(page).textContent() ?? "",
          "Echo: What is the capital of Indonesia?",
        );
        assertEquals(
          await page.getByRole("button", { name: "Retry" }).count(),
          0,
        );
      } finally {
        await app.close();
      }
    },
    { viewport },
  );
}
