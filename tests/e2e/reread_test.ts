/**
 * What a reader does while the history is re-read after an answer stays:
 * the re-read HTML was rendered before it (a Like, an opened reasoning) and
 * must not undo it.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import type { Page } from "playwright-core";
import {
  answersComplete,
  hideChatList,
  holdResponses,
  lastAnswer,
  sendMessage,
} from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

/**
 * Holds the history re-read: the server renders it at once, the page gets
 * it only on `deliver()`, as on a slow connection.
 */
async function holdReread(page: Page) {
  let release = () => {};
  const held = new Promise<void>((resolve) => release = resolve);
  let rendered = (_url: string) => {};
  const fetched = new Promise<string>((resolve) => rendered = resolve);
  await page.route("**/chats/*/history*", async (route) => {
    const response = await route.fetch();
    rendered(route.request().url());
    await held;
    await route.fulfill({ response });
  });
  return {
    /** The re-read's address, once the server has rendered it. */
    rendered: fetched,
    /** Lets the re-read reach the page and waits until it has. */
    async deliver() {
      const reread = page.waitForResponse((r) => r.url().includes("/history"));
      release();
      await reread;
      await historyAnswer(page).waitFor();
    },
  };
}

/**
 * Opens a new chat in `lang`, sends `message`, and returns once its answer
 * is complete and its re-read is rendered but held.
 */
async function answerWithHeldReread(
  page: Page,
  { lang, message }: { lang: string; message: string },
) {
  const reread = await holdReread(page);
  await page.goto(`${app.url}/?lang=${lang}`);
  await waitForIslands(page);
  await hideChatList(page);
  await sendMessage(page, message);
  await answersComplete(page, 1);
  return { url: await reread.rendered, deliver: reread.deliver };
}

/** The answer in the history, once the re-read has put it there. */
const historyAnswer = (page: Page) =>
  page.locator("#chat-history article[data-role=assistant]");

for (
  const [lang, viewport, like, reasoning, copyCode] of [
    ["en", { width: 1280, height: 860 }, "Like", "Reasoning", "Copy code"],
    ["id", { width: 360, height: 740 }, "Suka", "Penalaran", "Salin kode"],
  ] as const
) {
  browserTest(
    `${like} pressed while the history is re-read stays pressed (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      const reread = await answerWithHeldReread(page, {
        lang,
        message: "halo",
      });
      // Together: a click that fails must not leave the wait unhandled
      // (that took the whole module down once, in CI).
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "PATCH" && r.ok()),
        lastAnswer(page).getByRole("button", { name: like, exact: true })
          .click(),
      ]);
      await reread.deliver();
      const inHistory = historyAnswer(page);
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

  browserTest(
    `${reasoning} opened while the history is re-read stays open (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      const reread = await answerWithHeldReread(page, {
        lang,
        message: "[[fake:reasoning]] halo",
      });
      await lastAnswer(page).getByText(reasoning, { exact: true }).click();
      await lastAnswer(page).getByText("Pengguna menyapa").waitFor();
      await reread.deliver();
      const inHistory = historyAnswer(page);
      assertEquals(
        await inHistory.locator("details.reasoning").getAttribute("open"),
        "",
      );
      assert(await inHistory.getByText("Pengguna menyapa").isVisible());
    },
    { viewport },
  );

  browserTest(
    `an answer that ends before its markdown view has loaded keeps its Copy code through the re-read (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      // The view's code reaches the page just after the short answer ended.
      const releaseView = await holdResponses(page, {
        url: "**/_frsh/js/**",
        marker: "md-plain",
      });
      const reread = await holdReread(page);
      await page.goto(`${app.url}/?lang=${lang}`);
      await waitForIslands(page);
      await hideChatList(page);
      app.fake.enqueue({
        type: "answer",
        text: "Kode:\n\n```py\nprint(1)\n```\n",
      });
      await sendMessage(page, "halo");
      await answersComplete(page, 1);
      releaseView();
      // The re-read waits for the page's own rendering and keeps it: the
      // Copy code button on the page before it is the one in the history.
      const url = await reread.rendered;
      assert(url.includes("keep="), url);
      const copy = await lastAnswer(page).getByRole("button", {
        name: copyCode,
      }).elementHandle();
      await reread.deliver();
      assert(
        await copy!.evaluate((button) => !!button.closest("#chat-history")),
        "the page's Copy code button is in the history",
      );
    },
    { viewport },
  );

  browserTest(
    `a selection in the answer survives the history re-read (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      // Long enough for the page to render the answer itself, on a busy
      // machine too: the re-read then keeps its body (moves it) instead of
      // drawing it again.
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 40 }, (_, i) => `kata${i} `),
        tokenIntervalMs: 30,
      });
      const reread = await answerWithHeldReread(page, {
        lang,
        message: "halo",
      });
      assert(reread.url.includes("keep="), reread.url);
      const selected = await lastAnswer(page).locator(".markdown p").first()
        .evaluate((p) => {
          getSelection()!.selectAllChildren(p);
          return getSelection()!.toString();
        });
      await reread.deliver();
      assertEquals(
        await page.evaluate(() => {
          const selection = getSelection()!;
          return selection.anchorNode?.parentElement?.closest("#chat-history")
            ? selection.toString()
            : "";
        }),
        selected,
      );
    },
    { viewport },
  );
}
