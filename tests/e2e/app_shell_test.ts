/**
 * The app shell as a person uses it, at 1280×720 and 360×740, in both
 * languages: the pinned composer, the live title, the row menu, autosaved
 * settings, the model check, drafts, the phone drawer, the Settings dialog.
 */
import type { Page } from "playwright-core";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { answersComplete, sendMessage, shareSession } from "./helpers.ts";
import { dictionary, type Lang } from "@/lib/i18n/mod.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 740 };
const LANGS: Lang[] = ["en", "id"];
const SHOTS = new URL("../../test-results/screenshots/", import.meta.url);

/** The accessible names of the contract, in `lang`. */
const names = (lang: Lang) => dictionary(lang);

async function user(page: Page): Promise<ApiClient> {
  const client = new ApiClient(app.url);
  // Any answer gives the client a session; the browser then shares it.
  await (await client.fetch("/api/chats")).body?.cancel();
  await shareSession(page, client);
  return client;
}

async function open(page: Page, path: string, lang: Lang) {
  await page.goto(
    `${app.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
  );
  await waitForIslands(page);
}

async function shoot(page: Page, name: string) {
  await Deno.mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
}

async function chatCount(client: ApiClient): Promise<number> {
  const { chats } = await client.json<{ chats: unknown[] }>("/api/chats");
  return chats.length;
}

/** Whether `selector`'s last match lies inside the window. */
function inView(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const all = document.querySelectorAll(sel);
    const box = all[all.length - 1]?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= innerHeight + 0.5 &&
      box.height > 0;
  }, selector);
}

for (
  const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const
) {
  for (const lang of LANGS) {
    const n = names(lang);
    browserTest(
      `${size} ${lang}: after 50 messages and while an answer streams, the page does not scroll and the composer and the newest message are in view`,
      async ({ page }) => {
        const client = await user(page);
        const id = await client.createChat({ title: "Long chat" });
        for (let i = 0; i < 25; i++) await client.send(id, `Question ${i}`);
        await open(page, `/chats/${id}`, lang);
        const composer = page.getByRole("textbox", {
          name: n["composer.label"],
        });
        const log = page.getByRole("log", { name: n["log.label"] });
        assertEquals(await log.locator("article").count(), 50);
        // Only the message list scrolls: the page is exactly one screen.
        const page_ = await page.evaluate(() => ({
          overflow: document.documentElement.scrollHeight - innerHeight,
          wide: document.documentElement.scrollWidth - innerWidth,
        }));
        assert(page_.overflow <= 0, `the page scrolls by ${page_.overflow} px`);
        assert(page_.wide <= 0, `the page is ${page_.wide} px too wide`);
        assert(await inView(page, "#composer-input"), "composer out of view");
        await log.evaluate((el) => el.scrollTop = el.scrollHeight);
        assert(await inView(page, "article"), "newest message out of view");
        if (size === "desktop" && lang === "en") await shoot(page, "long-chat");
        await composer.fill("[[fake:slow=80]] one two three four five six");
        await composer.press("Enter");
        const cancel = page.getByRole("button", { name: n["composer.cancel"] });
        await cancel.waitFor();
        await log.evaluate((el) => el.scrollTop = el.scrollHeight);
        assert(await inView(page, 'article[data-status="streaming"]'));
        assert(
          await cancel.isVisible(),
          "Cancel is not visible while streaming",
        );
        assert(
          await page.evaluate(() =>
            document.documentElement.scrollHeight <= innerHeight
          ),
          "the page grew while streaming",
        );
        await answersComplete(page, 26);
      },
      { viewport },
    );
  }
}

for (const lang of LANGS) {
  const n = names(lang);
  browserTest(
    `${lang}: the automatic title reaches the heading, the chat list and the tab without a reload`,
    async ({ page }) => {
      await user(page);
      await open(page, "/chats/new", lang);
      await sendMessage(page, "Resep rendang padang yang empuk sekali");
      const title = "Resep rendang padang yang empuk…";
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("navigation", { name: n["shell.chats"] })
        .getByRole("link", { name: title }).waitFor();
      assertMatch(await page.title(), /^Resep rendang padang yang empuk…/);
    },
    { viewport: DESKTOP },
  );

  browserTest(
    `${lang}: three New chat clicks store no chat; the first message stores one`,
    async ({ page }) => {
      const client = await user(page);
      await open(page, "/", lang);
      for (let i = 0; i < 3; i++) {
        await page.getByRole("link", { name: n["shell.new_chat"] }).click();
        await waitForIslands(page);
      }
      assertEquals(await chatCount(client), 0);
      await shoot(page, `empty-state-${lang}`);
      await sendMessage(page, "halo");
      await answersComplete(page, 1);
      assertEquals(await chatCount(client), 1);
    },
    { viewport: DESKTOP },
  );
}
