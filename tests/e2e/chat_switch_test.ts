/**
 * Issue 14: switching chats in the chat list swaps the chat page's partial
 * (`<Partial name="chat-page">`, `f-client-nav` on each chat link) instead
 * of loading a new document; the address follows and the back button
 * returns to the chat before. With JavaScript off the links stay links.
 */
import type { Page, Request } from "playwright-core";
import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { pollUntil } from "@/tests/poll.ts";
import {
  answersComplete,
  clientOf,
  lastAnswer,
  sendMessage,
  shareSession,
  SIZES,
} from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

/** Two chats with one question each; the browser shares their owner. */
async function twoChats(page: Page) {
  const client = new ApiClient(app.url);
  const first = await client.createChat({ title: "Resep rendang" });
  await client.send(first, "Bagaimana memasak rendang?");
  const second = await client.createChat({ title: "Jadwal kereta" });
  await client.send(second, "Kereta ke Bandung jam berapa?");
  await shareSession(page, client);
  return { first, second };
}

/** Opens the chat list when it is a drawer (phones). */
async function showList(page: Page) {
  const show = page.getByRole("button", { name: "Show chat list" });
  if (await show.isVisible()) await show.click();
}

const chatLink = (page: Page, title: string) =>
  page.getByRole("navigation", { name: "Chats" }).getByRole("link", {
    name: title,
  });

/** How many documents this tab has loaded, and a mark a new one would lose. */
const documentState = (page: Page) =>
  page.evaluate(() => ({
    loads: performance.getEntriesByType("navigation").length,
    mark: (globalThis as { __sameDocument?: boolean }).__sameDocument === true,
  }));

for (const [size, viewport] of SIZES) {
  browserTest(
    `switching chats in the list loads no new document and Back returns (${size})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      const { first, second } = await twoChats(page);
      await page.goto(`${app.url}/chats/${second}?lang=en`);
      await waitForIslands(page);
      await page.evaluate(() => {
        (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
      });
      const documents: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "document") {
          documents.push(request.url());
        }
      });

      await showList(page);
      // A person's pointer reaches the link before the click does.
      await chatLink(page, "Resep rendang").hover();
      await page.waitForLoadState("networkidle");
      await chatLink(page, "Resep rendang").click();
      await page.waitForURL(`${app.url}/chats/${first}`);
      await page.getByRole("heading", { name: "Resep rendang" }).waitFor();
      await page.getByRole("log", { name: "Messages" })
        .getByText("Bagaimana memasak rendang?", { exact: true }).waitFor();
      assertEquals(await documentState(page), { loads: 1, mark: true });
      assertEquals(documents, [], "a full document was fetched");
      assertEquals(await page.title(), "Resep rendang · chatai");

      // The swapped page works: a message goes to the chat now shown.
      await waitForIslands(page);
      await sendMessage(page, "Pakai daging apa?");
      await answersComplete(page, 2);
      await pollUntil(
        () => lastAnswer(page).textContent().then((t) => t?.includes("daging")),
        { what: "the answer in the chat switched to" },
      );

      await page.goBack();
      await page.waitForURL(new RegExp(`/chats/${second}`));
      await page.getByRole("heading", { name: "Jadwal kereta" }).waitFor();
      await page.getByRole("log", { name: "Messages" })
        .getByText("Kereta ke Bandung jam berapa?", { exact: true }).waitFor();
      assertEquals(await documentState(page), { loads: 1, mark: true });
      assertEquals(documents, [], "Back fetched a full document");
    },
  );
}

for (const [size, viewport] of SIZES) {
  browserTest(
    `an unsent draft stays with its chat when another chat is opened and closed (${size})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      const { first, second } = await twoChats(page);
      await page.goto(`${app.url}/chats/${second}?lang=en`);
      await waitForIslands(page);
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("Jadwal hari Minggu juga, ya");

      await showList(page);
      await chatLink(page, "Resep rendang").click();
      await page.waitForURL(`${app.url}/chats/${first}`);
      await page.getByRole("heading", { name: "Resep rendang" }).waitFor();
      await waitForIslands(page);
      assertEquals(await composer.inputValue(), "", "the draft followed along");

      await showList(page);
      await chatLink(page, "Jadwal kereta").click();
      await page.waitForURL(new RegExp(`/chats/${second}`));
      await page.getByRole("heading", { name: "Jadwal kereta" }).waitFor();
      await waitForIslands(page);
      await pollUntil(
        () =>
          composer.inputValue().then((v) =>
            v === "Jadwal hari Minggu juga, ya"
          ),
        { what: "the draft back in its chat" },
      );
    },
  );
}

for (const [size, viewport] of SIZES) {
  browserTest(
    `an answer that ends after the reader switched chats leaves the open chat on screen (${size})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      const { first, second } = await twoChats(page);
      const client = await clientOf(page, app.url);
      await page.goto(`${app.url}/chats/${first}?lang=en`);
      await waitForIslands(page);
      // The answer ends only once the reader is in the other chat.
      const switched = Promise.withResolvers<void>();
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 12 }, (_, i) => `ombak${i} `),
        holdAfter: 2,
        holdUntil: switched.promise,
      });
      await sendMessage(page, "Ceritakan tentang laut");
      await lastAnswer(page).and(page.locator('[data-status="streaming"]'))
        .waitFor();

      await showList(page);
      await chatLink(page, "Jadwal kereta").click();
      await page.waitForURL(`${app.url}/chats/${second}`);
      const log = page.getByRole("log", { name: "Messages" });
      await log.getByText("Kereta ke Bandung jam berapa?", { exact: true })
        .waitFor();
      // The first chat's re-read after its answer, if the page asks for it:
      // it would start soon after the answer's end.
      const isReread = (req: Request) =>
        req.url().includes(`/chats/${first}/history`);
      const rereads: Request[] = [];
      page.on("request", (req) => isReread(req) && rereads.push(req));
      switched.resolve();
      await pollUntil(async () => {
        const { messages } = await client.json<
          { messages: { role: string; status: string }[] }
        >(`/api/chats/${first}`);
        return messages.at(-1)?.status === "complete";
      }, { what: "the first chat's answer to end" });
      const reread = rereads[0] ??
        await page.waitForRequest(isReread, { timeout: 1_500 })
          .catch(() => null);
      if (reread) {
        await reread.response();
        await page.evaluate(() => new Promise(requestAnimationFrame));
      }

      await page.getByRole("heading", { name: "Jadwal kereta" }).waitFor();
      assertEquals(
        await log.getByText("Kereta ke Bandung jam berapa?", { exact: true })
          .count(),
        1,
      );
      assertEquals(await log.getByText("Ceritakan tentang laut").count(), 0);
      assertEquals(
        await log.getByText("Bagaimana memasak rendang?").count(),
        0,
      );
      // The list marks the open chat only.
      await showList(page);
      const nav = page.getByRole("navigation", { name: "Chats" });
      assertEquals(await nav.locator(".chat-row[data-current]").count(), 1);
      assertEquals(
        await chatLink(page, "Resep rendang").getAttribute("aria-current"),
        null,
      );

      // The first chat, opened again, shows the answer that ended meanwhile.
      await chatLink(page, "Resep rendang").click();
      await log.getByText("ombak11").waitFor();
      assertEquals(await log.getByText("Ceritakan tentang laut").count(), 1);
    },
  );
}
