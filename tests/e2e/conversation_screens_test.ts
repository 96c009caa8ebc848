/**
 * Screenshots of the conversation for a person to look at: a long chat, the
 * empty state, a phone, a table answer (light and dark). Each also checks
 * what the picture must show.
 */
import type { Page } from "playwright-core";
import { assert } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { hideChatList, shareSession, shootThemes, SIZES } from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

const ANSWER = [
  "Rendang dimasak lama dengan santan dan bumbu. **Langkahnya:**",
  "",
  "1. Haluskan bumbu: cabai, bawang merah, bawang putih, jahe, lengkuas.",
  "2. Tumis bumbu, masukkan daging, lalu santan.",
  "3. Masak dengan api kecil **3–4 jam** sambil diaduk.",
  "",
  "| Bahan | Jumlah | Catatan |",
  "|---|---|---|",
  "| Daging sapi | 1 kg | potong besar |",
  "| Santan | 1,5 l | dari 3 butir kelapa |",
  "| Cabai merah | 150 g | sesuai selera pedas |",
  "",
  "```python",
  "def aduk(menit: int) -> str:",
  '    return f"aduk selama {menit} menit"',
  "```",
].join("\n");

/** A chat of `turns` questions and answers, opened in the page. */
async function openChat(page: Page, lang: string, turns: number) {
  const client = new ApiClient(app.url, lang);
  const id = await client.createChat({ title: "Resep rendang" });
  for (let i = 0; i < turns; i++) {
    app.fake.enqueue({ type: "answer", text: ANSWER });
    await client.send(
      id,
      `Pertanyaan ${i + 1}: bagaimana cara memasak rendang?`,
    );
  }
  await shareSession(page, client);
  await page.goto(`${app.url}/chats/${id}?lang=${lang}`);
  await waitForIslands(page);
  await hideChatList(page);
  await page.locator(".code-head").last().waitFor();
}

const atEnd = (page: Page) =>
  page.locator("#chat-log").evaluate((el) =>
    el.scrollHeight - el.scrollTop - el.clientHeight < 60
  );

browserTest(
  "a long chat opens at its newest message (screenshot)",
  async ({ page }) => {
    await openChat(page, "en", 8);
    assert(await atEnd(page), "the log opens at the end");
    await shootThemes(page, "conversation-long-desktop");
  },
  { viewport: SIZES[0][1] },
);

browserTest("the empty state (screenshot)", async ({ page }) => {
  await page.goto(`${app.url}/?lang=id`);
  await waitForIslands(page);
  await hideChatList(page);
  await page.getByRole("heading", { name: /Halo!/ }).waitFor();
  await shootThemes(page, "conversation-empty-desktop");
  await page.setViewportSize(SIZES[1][1]);
  await shootThemes(page, "conversation-empty-phone");
}, { viewport: SIZES[0][1] });

browserTest("a table answer on a phone (screenshot)", async ({ page }) => {
  await openChat(page, "id", 2);
  assert(await atEnd(page), "the log opens at the end");
  await page.locator(".table-wrap").last().scrollIntoViewIfNeeded();
  await shootThemes(page, "conversation-table-phone");
  const wide = await page.evaluate(() =>
    document.documentElement.scrollWidth > innerWidth
  );
  assert(!wide, "the page does not scroll sideways");
}, { viewport: SIZES[1][1] });
