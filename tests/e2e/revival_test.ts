/**
 * Reviving the islands keeps what the server rendered. lib/fresh hydrates
 * islands, real Fresh 1.x renders them with `render()`: whatever the app
 * relies on must hold under both.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { answers, shareSession } from "./helpers.ts";

const ANSWER = `## Rencana

Tiga **langkah**:

1. baca
2. tulis
3. periksa

| Hari | Tugas |
|------|-------|
| Senin | baca |
`;

browserTest(
  "a chat's history keeps the markdown the server rendered: reviving the page re-renders none of it",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url, "en");
      const id = await client.createChat();
      app.fake.enqueue({ type: "answer", text: ANSWER });
      await client.send(id, "a plan please");
      await shareSession(page, client);
      // Records, from before the page's first script, every node taken out
      // of a message body: re-rendering a body empties it first.
      await page.addInitScript(() => {
        const removed: string[] = [];
        (globalThis as { removedFromBodies?: string[] }).removedFromBodies =
          removed;
        new MutationObserver((records) => {
          for (const record of records) {
            const body = (record.target as Element).closest?.(".message-text");
            if (!body || !record.removedNodes.length) continue;
            for (const node of record.removedNodes) {
              removed.push(node.nodeName + ": " + node.textContent);
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${app.url}/chats/${id}?lang=en`);
      await waitForIslands(page);
      const answer = answers(page).last();
      await answer.getByRole("heading", { name: "Rencana" }).waitFor();
      assertEquals(await answer.getByRole("listitem").count(), 3);
      assert(
        await answer.getByRole("cell", { name: "Senin" }).isVisible(),
        "the table is shown",
      );
      assertEquals(
        await page.evaluate(() =>
          (globalThis as { removedFromBodies?: string[] }).removedFromBodies
        ),
        [],
        "nodes were taken out of message bodies while the page revived",
      );
    } finally {
      await app.close();
    }
  },
);

for (
  const [size, viewport, lang] of [
    ["desktop", { width: 1280, height: 720 }, "en"],
    ["phone", { width: 360, height: 740 }, "id"],
  ] as const
) {
  browserTest(
    `an answer that has just streamed keeps its rendering when the history is re-read (${size}, ${lang})`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await page.goto(`${app.url}/?lang=${lang}`);
        await waitForIslands(page);
        app.fake.enqueue({
          type: "answer",
          text: ANSWER,
          firstTokenDelayMs: 300,
          tokenIntervalMs: 40,
        });
        const reread = page.waitForRequest((r) => r.url().includes("/history"));
        await page.getByRole("textbox", { name: /^(Message|Pesan)$/ })
          .fill("rencana");
        await page.getByRole("textbox", { name: /^(Message|Pesan)$/ })
          .press("Enter");
        // The streamed body, marked before the answer ends.
        await page.locator('article[data-status="streaming"] .message-text')
          .evaluate((body) => (body as { streamed?: true }).streamed = true);
        const url = new URL((await reread).url());
        await (await (await reread).response())?.finished();
        await page.locator("#chat-history article[data-role=assistant]")
          .waitFor();
        assert(url.searchParams.get("keep"), `the re-read asked for ${url}`);
        assert(
          await page.locator("#chat-history .message-text").last().evaluate(
            (body) => (body as { streamed?: true }).streamed === true,
          ),
          "the answer's body was rendered again by the server",
        );
      } finally {
        await app.close();
      }
    },
    { viewport },
  );
}
