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
import { pollUntil } from "@/tests/poll.ts";

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
        // Long enough (about 4 s) to still be streaming when we look.
        await composer.fill(
          `[[fake:slow=200]] ${"word ".repeat(20)}`,
        );
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
        // Done looking: the answer need not run its four seconds.
        await cancel.click();
        await page.locator('article[data-status="streaming"]').waitFor({
          state: "detached",
        });
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

for (const lang of LANGS) {
  const n = names(lang);
  browserTest(
    `${lang}: the row menu renames in place, pins without leaving the chat, exports and deletes after a confirmation`,
    async ({ page }) => {
      const client = await user(page);
      const other = await client.createChat({ title: "Other chat" });
      const here = await client.createChat({ title: "Chat I am in" });
      await open(page, `/chats/${here}`, lang);
      const nav = page.getByRole("navigation", { name: n["shell.chats"] });
      const row = (title: string) =>
        nav.getByRole("listitem").filter({
          has: page.getByRole("link", { name: title, exact: true }),
        });
      const menu = async (title: string, item: string) => {
        await row(title).getByRole("button", { name: n["shell.actions"] })
          .click();
        await page.getByRole("menuitem", { name: item }).click();
      };
      // Rename: the title is selected; Escape cancels, Enter saves.
      await menu("Other chat", n["shell.rename"]);
      const field = nav.getByRole("textbox", { name: n["shell.rename_label"] });
      assertEquals(
        await field.evaluate((el: HTMLInputElement) =>
          el.value.slice(el.selectionStart!, el.selectionEnd!)
        ),
        "Other chat",
      );
      await field.press("Escape");
      await row("Other chat").waitFor();
      await menu("Other chat", n["shell.rename"]);
      await field.fill("Renamed chat");
      await field.press("Enter");
      await row("Renamed chat").waitFor();
      const { chat } = await client.json<{ chat: { title: string } }>(
        `/api/chats/${other}`,
      );
      assertEquals(chat.title, "Renamed chat");
      // Pin: the chat moves under "Pinned"; we stay where we are.
      await menu("Renamed chat", n["shell.pin"]);
      await nav.getByRole("heading", { name: n["shell.group.pinned"] })
        .waitFor();
      assert(page.url().includes(`/chats/${here}`), page.url());
      // Export: a download named after the chat.
      const download = page.waitForEvent("download");
      await menu("Renamed chat", n["shell.export_md"]);
      assertMatch((await download).suggestedFilename(), /\.md$/);
      // Delete: Cancel keeps it, Delete removes it.
      await menu("Renamed chat", n["shell.delete"]);
      const dialog = page.getByRole("dialog", {
        name: n["shell.delete_title"],
      });
      await dialog.getByRole("button", { name: n["shell.cancel"] }).click();
      await row("Renamed chat").waitFor();
      await menu("Renamed chat", n["shell.delete"]);
      await dialog.getByRole("button", { name: n["shell.delete_confirm"] })
        .click();
      await row("Renamed chat").waitFor({ state: "detached" });
      assertEquals(await chatCount(client), 1);
      assert(page.url().includes(`/chats/${here}`), page.url());
    },
    { viewport: DESKTOP },
  );

  browserTest(
    `${lang}: chat settings save themselves and reach the upstream with the next message`,
    async ({ page }) => {
      const client = await user(page);
      const id = await client.createChat({ title: "Settings" });
      await open(page, `/chats/${id}`, lang);
      await page.getByRole("button", { name: n["shell.chat_settings"] })
        .click();
      const panel = page.getByRole("region", {
        name: n["shell.chat_settings"],
      });
      assertEquals(await panel.getByRole("button").count(), 1); // Close only
      await panel.getByRole("combobox", { name: n["settings.persona"] })
        .selectOption("translator");
      await panel.getByRole("slider", { name: n["settings.temperature"] })
        .fill("0.35");
      // The value shows live, in the language's number format.
      await panel.getByText(lang === "id" ? "0,35" : "0.35").waitFor();
      const prompt = panel.getByRole("textbox", {
        name: n["settings.system_prompt"],
      });
      await prompt.fill("Answer like a pirate.");
      // Typing a prompt of your own makes the persona "Custom".
      assertEquals(
        await panel.getByRole("combobox", { name: n["settings.persona"] })
          .inputValue(),
        "custom",
      );
      await panel.getByRole("status").filter({ hasText: n["shell.saved"] })
        .waitFor();
      await shoot(page, `chat-settings-${lang}`);
      const before = app.fake.requests.length;
      await sendMessage(page, "halo");
      await answersComplete(page, 1);
      const sent = app.fake.requests.slice(before).find((r) =>
        r.path.endsWith("/chat/completions")
      )?.body as {
        temperature: number;
        messages: { role: string; content: string }[];
      };
      assertEquals(sent.temperature, 0.35);
      assertEquals(sent.messages[0], {
        role: "system",
        content: "Answer like a pirate.",
      });
      // Sent while the slider's change is still waiting to be saved: the
      // answer uses what the panel shows.
      const next = app.fake.requests.length;
      await panel.getByRole("slider", { name: n["settings.temperature"] })
        .fill("0.6");
      await sendMessage(page, "lagi");
      await answersComplete(page, 2);
      const resent = app.fake.requests.slice(next).find((r) =>
        r.path.endsWith("/chat/completions")
      )?.body as { temperature: number };
      assertEquals(resent.temperature, 0.6);
    },
    { viewport: DESKTOP },
  );

  browserTest(
    `${lang}: the Model list filters as you type, saves a listed model and refuses an unknown id`,
    async ({ page, errors }) => {
      const client = await user(page);
      const id = await client.createChat({ title: "Models" });
      await open(page, `/chats/${id}`, lang);
      const model = page.getByRole("combobox", { name: n["shell.model"] });
      await model.click();
      await model.fill("gpt-4o");
      const list = page.getByRole("listbox");
      await list.getByRole("option").first().waitFor();
      await shoot(page, `model-list-${lang}`);
      // A slow save: the message sent meanwhile still goes to the new model.
      await page.route(`**/api/chats/${id}`, async (route) => {
        if (route.request().method() === "PATCH") {
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        await route.continue();
      });
      await model.press("Enter");
      const before = app.fake.requests.length;
      await sendMessage(page, "halo");
      await answersComplete(page, 1);
      const sent = app.fake.requests.slice(before).find((r) =>
        r.path.endsWith("/chat/completions")
      )?.body as { model: string };
      assertEquals(sent.model, "openai/gpt-4o-mini");
      await pollChat(client, id, (c) => c.model === "openai/gpt-4o-mini");
      await model.click();
      await model.fill("nonexistent/model-xyz");
      await model.press("Enter");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assertMatch(await alert.textContent() ?? "", /nonexistent\/model-xyz/);
      const { chat } = await client.json<{ chat: { model: string } }>(
        `/api/chats/${id}`,
      );
      assertEquals(chat.model, "openai/gpt-4o-mini");
      // The browser logs the refused request; nothing else may fail.
      assertEquals(errors.filter((e) => !/status of 400/.test(e)), []);
    },
    { viewport: DESKTOP, allowErrors: true },
  );

  browserTest(
    `${lang}: the Settings dialog changes the theme and the language at once`,
    async ({ page }) => {
      await user(page);
      await open(page, "/chats/new", lang);
      await page.getByRole("button", { name: n["shell.settings"], exact: true })
        .click();
      const dialog = page.getByRole("dialog", { name: n["shell.settings"] });
      await dialog.getByRole("combobox", { name: n["theme.label"] })
        .selectOption("dark");
      assertEquals(await page.getAttribute("html", "data-theme"), "dark");
      for (
        const name of [
          n["shell.import"],
          n["shell.export_all"],
          n["shell.delete_all"],
          n["shell.shortcuts"],
        ]
      ) {
        assert(await dialog.getByText(name).count() > 0, name);
      }
      await shoot(page, `settings-dialog-${lang}`);
      const other: Lang = lang === "en" ? "id" : "en";
      await dialog.getByRole("combobox", { name: n["shell.language"] })
        .selectOption(other);
      await page.waitForFunction(
        (l) => document.documentElement.lang === l,
        other,
      );
      await page.getByRole("button", {
        name: names(other)["shell.settings"],
        exact: true,
      })
        .waitFor();
    },
    { viewport: DESKTOP },
  );

  browserTest(
    `${lang}: on a phone the chat list is a drawer that traps focus and closes with Escape`,
    async ({ page }) => {
      const client = await user(page);
      await client.createChat({ title: "Drawer chat" });
      const id = await client.createChat({ title: "Open chat" });
      await open(page, `/chats/${id}`, lang);
      const nav = page.getByRole("navigation", { name: n["shell.chats"] });
      assert(!await nav.isVisible(), "the drawer starts open");
      const button = page.getByRole("button", { name: n["shell.show_list"] });
      await button.click();
      await nav.getByRole("link", { name: "Drawer chat" }).waitFor();
      assertEquals(await button.getAttribute("aria-expanded"), "true");
      await shoot(page, `phone-drawer-${lang}`);
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        assert(
          await page.evaluate(() =>
            !!document.activeElement?.closest("#sidebar")
          ),
          `Tab ${i + 1} left the drawer`,
        );
      }
      await page.keyboard.press("Escape");
      await nav.waitFor({ state: "hidden" });
      assert(
        await button.evaluate((el) => el === document.activeElement),
        "focus did not return to the button",
      );
    },
    { viewport: PHONE },
  );
}

/** Waits until the stored chat satisfies `ok`. */
function pollChat(
  client: ApiClient,
  id: string,
  ok: (chat: { model: string }) => boolean,
) {
  return pollUntil(async () => {
    const { chat } = await client.json<{ chat: { model: string } }>(
      `/api/chats/${id}`,
    );
    return ok(chat);
  }, { what: "the chat to take the model" });
}
