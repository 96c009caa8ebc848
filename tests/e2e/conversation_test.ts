/**
 * The conversation column as a person uses it, in both languages and at
 * both sizes: wide answers scroll in their own box, the log follows a
 * streaming answer, edits make versions, "!" messages reach the model, and
 * an empty chat greets without storing anything.
 */
import type { Page } from "playwright-core";
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { pollUntil } from "@/tests/poll.ts";
import {
  answersComplete,
  chatIdOf,
  clientOf,
  hideChatList,
  lastAnswer,
  sendMessage,
  settled,
  shareSession,
  shootThemes,
  SIZES,
} from "./helpers.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

/** Each size in one language, so that every test runs in both. */
const RUNS = [
  [SIZES[0][0], SIZES[0][1], "en"],
  [SIZES[1][0], SIZES[1][1], "id"],
] as const;

const TEXT = {
  en: {
    message: "Message",
    jump: "Jump to latest",
    previous: "Previous version",
    next: "Next version",
    edit: "Edit",
    editBox: "Edit message",
    save: "Save and send",
    greeting: "Hello! How can I help you today?",
    cancel: "Cancel",
  },
  id: {
    message: "Pesan",
    jump: "Lompat ke terbaru",
    previous: "Versi sebelumnya",
    next: "Versi berikutnya",
    edit: "Ubah",
    editBox: "Ubah pesan",
    save: "Simpan dan kirim",
    greeting: "Halo! Ada yang bisa saya bantu hari ini?",
    cancel: "Batalkan",
  },
} as const;

/** How far the log is from its end, in pixels. */
const fromBottom = (page: Page) =>
  page.locator("#chat-log").evaluate((el) =>
    el.scrollHeight - el.scrollTop - el.clientHeight
  );

async function openNewChat(page: Page, lang: string) {
  await page.goto(`${app.url}/?lang=${lang}`);
  await waitForIslands(page);
  await hideChatList(page);
}

for (const lang of ["en", "id"] as const) {
  browserTest(
    `a wide table at 360 px scrolls in its own box and the page does not (${lang})`,
    async ({ page }) => {
      await openNewChat(page, lang);
      // Chosen by the message itself: a queued scenario could be taken by
      // another request of this module's shared app.
      await sendMessage(page, "[[fake:wide_table]] tabel lebar");
      await answersComplete(page, 1);
      await settled(page);
      const table = lastAnswer(page).locator(".table-wrap");
      await table.waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: innerWidth,
      }));
      assertEquals(
        widths.page,
        widths.view,
        "the page does not scroll sideways",
      );
      const box = await table.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      assert(box.scroll > box.client, "the table scrolls in its own box");
      const send = await page.getByRole("button", {
        name: lang === "en" ? "Send" : "Kirim",
      }).boundingBox();
      assert(send && send.x + send.width <= 360, "Send stays on screen");
    },
    { viewport: SIZES[1][1] },
  );
}

for (const [size, viewport, lang] of RUNS) {
  browserTest(
    `the log follows a streaming answer, stops when scrolled up, and Jump to latest returns (${size}, ${lang})`,
    async ({ page }) => {
      await openNewChat(page, lang);
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 400 }, (_, i) => `Baris ${i}.\n\n`),
        tokenIntervalMs: 25,
      });
      await sendMessage(page, "cerita panjang");
      const log = page.locator("#chat-log");
      // Enough text to overflow, and the view is still at its end.
      await page.waitForFunction(() => {
        const el = document.getElementById("chat-log")!;
        return el.scrollHeight > el.clientHeight * 2;
      });
      assert(await fromBottom(page) < 60, "following the answer");
      await log.hover();
      await page.mouse.wheel(0, -600);
      const jump = page.getByRole("button", { name: TEXT[lang].jump });
      await jump.waitFor();
      const top = await log.evaluate((el) => el.scrollTop);
      const height = await log.evaluate((el) => el.scrollHeight);
      await page.waitForFunction(
        (h) => document.getElementById("chat-log")!.scrollHeight > h + 200,
        height,
      );
      assertEquals(
        await log.evaluate((el) => el.scrollTop),
        top,
        "scrolled up, the view stays where the reader is",
      );
      await jump.click();
      await jump.waitFor({ state: "detached" });
      assert(await fromBottom(page) < 60, "back at the newest text");
      // Following again: the view keeps up with more text.
      const after = await log.evaluate((el) => el.scrollHeight);
      await page.waitForFunction(
        (h) => document.getElementById("chat-log")!.scrollHeight > h + 200,
        after,
      );
      await page.waitForFunction(() => {
        const el = document.getElementById("chat-log")!;
        return el.scrollHeight - el.scrollTop - el.clientHeight < 60;
      });
      // A reload during the answer opens at the newest text.
      await page.reload();
      await waitForIslands(page);
      await page.locator('article[data-status="streaming"]').waitFor();
      await page.waitForFunction(() => {
        const el = document.getElementById("chat-log")!;
        return el.scrollHeight > el.clientHeight &&
          el.scrollHeight - el.scrollTop - el.clientHeight < 60;
      });
      // The answer may have ended meanwhile; while it runs, Cancel stops it.
      const cancel = page.getByRole("button", { name: TEXT[lang].cancel });
      await cancel.or(page.locator('article[data-status="complete"]')).first()
        .waitFor();
      if (await cancel.isVisible()) await cancel.click();
      await settled(page);
    },
    { viewport },
  );

  browserTest(
    `editing a message makes a second version; both stay reachable and exportable (${size}, ${lang})`,
    async ({ page }) => {
      await openNewChat(page, lang);
      app.fake.enqueue({ type: "answer", text: "Tokyo." });
      await sendMessage(page, "ibu kota Jepang?");
      await answersComplete(page, 1);
      await settled(page);
      const question = page.locator('article[data-role="user"]');
      await question.hover();
      await question.getByRole("button", { name: TEXT[lang].edit }).click();
      await page.getByRole("textbox", { name: TEXT[lang].editBox }).fill(
        "ibu kota Thailand?",
      );
      app.fake.enqueue({ type: "answer", text: "Bangkok." });
      await page.getByRole("button", { name: TEXT[lang].save }).click();
      await lastAnswer(page).getByText("Bangkok.").waitFor();
      await settled(page);
      assertEquals(await page.getByText("Tokyo.").count(), 0);
      const total = lang === "en" ? "Version 2 of 2" : "Versi 2 dari 2";
      const pager = page.getByRole("group", { name: total });
      await pager.getByText("2/2").waitFor();
      // The earlier version comes back whole, and it is what an export has.
      await pager.getByRole("button", { name: TEXT[lang].previous }).click();
      await page.getByText("Tokyo.").waitFor();
      await page.getByText("ibu kota Jepang?").waitFor();
      assertEquals(await page.getByText("Bangkok.").count(), 0);
      const client = await clientOf(page, app.url);
      const id = chatIdOf(page);
      const first = await (await client.fetch(
        `/api/chats/${id}/export?format=md`,
      )).text();
      assertStringIncludes(first, "Tokyo.");
      assert(!first.includes("Bangkok."), "the export has this version only");
      await page.reload();
      await waitForIslands(page);
      await page.getByText("1/2").waitFor();
      await page.getByRole("button", { name: TEXT[lang].next }).click();
      await page.getByText("Bangkok.").waitFor();
      const second = await (await client.fetch(
        `/api/chats/${id}/export?format=md`,
      )).text();
      assertStringIncludes(second, "Bangkok.");
    },
    { viewport },
  );

  browserTest(
    `a message starting with "!" that is no command reaches the model (${size}, ${lang})`,
    async ({ page }) => {
      await openNewChat(page, lang);
      await sendMessage(page, "!Penting: besok rapat jam 9");
      await answersComplete(page, 1);
      await lastAnswer(page).getByText("Echo: !Penting: besok rapat jam 9")
        .waitFor();
      const asked = app.fake.requests.at(-1)!.body as {
        messages: { content: string }[];
      };
      assertEquals(
        asked.messages.at(-1)?.content,
        "!Penting: besok rapat jam 9",
      );
    },
    { viewport },
  );

  browserTest(
    `an empty chat greets in the UI language, suggests, and stores nothing before the first message (${size}, ${lang})`,
    async ({ page }) => {
      await page.goto(`${app.url}/?lang=${lang}`);
      await waitForIslands(page);
      await hideChatList(page);
      await page.getByRole("heading", { name: TEXT[lang].greeting }).waitFor();
      const mine = await clientOf(page, app.url);
      const before = await mine.json<{ chats: unknown[] }>("/api/chats");
      assertEquals(before.chats.length, 0, "nothing stored by opening");
      // A suggestion fills the composer; the persona chosen goes with it.
      await page.getByRole("radio", {
        name: lang === "en" ? "Translator" : "Penerjemah",
      }).check();
      const chip = page.getByRole("group", {
        name: lang === "en" ? "Suggestions" : "Saran",
      }).getByRole("button").first();
      const suggestion = (await chip.textContent())!.trim();
      await chip.click();
      const composer = page.getByRole("textbox", { name: TEXT[lang].message });
      await page.waitForFunction(
        (text) =>
          (document.getElementById("composer-input") as HTMLTextAreaElement)
            .value === text,
        suggestion,
      );
      await composer.press("Enter");
      await answersComplete(page, 1);
      await page.getByRole("heading", { name: TEXT[lang].greeting }).waitFor({
        state: "hidden",
      });
      const after = await mine.json<{ chats: { persona: string }[] }>(
        "/api/chats",
      );
      assertEquals(after.chats.map((c) => c.persona), ["translator"]);
    },
    { viewport },
  );
}

browserTest(
  "a failed answer has a clear mark and Retry answers again (phone, id)",
  async ({ page }) => {
    await openNewChat(page, "id");
    app.fake.enqueue({ type: "http_error", status: 500 });
    await sendMessage(page, "ibu kota Indonesia?");
    const answer = lastAnswer(page);
    await answer.and(page.locator('[data-status="error"]')).waitFor();
    assertStringIncludes(await answer.textContent() ?? "", "Gagal:");
    assertEquals(await answer.getByRole("button", { name: "Suka" }).count(), 0);
    await answer.getByRole("button", { name: "Coba lagi" }).click();
    await answersComplete(page, 1);
    await lastAnswer(page).getByText("Echo: ibu kota Indonesia?").waitFor();
    await settled(page);
    assertEquals(
      await page.getByRole("button", { name: "Coba lagi" }).count(),
      0,
    );
  },
  { viewport: SIZES[1][1] },
);

browserTest(
  "texts the app stored in Indonesian show in English in the English UI",
  async ({ page }) => {
    await openNewChat(page, "id");
    app.fake.enqueue({ type: "http_error", status: 401 });
    await sendMessage(page, "halo");
    await lastAnswer(page).and(page.locator('[data-status="error"]')).waitFor();
    await settled(page);
    await page.goto(`${page.url().split("?")[0]}?lang=en`);
    await waitForIslands(page);
    const text = await lastAnswer(page).textContent() ?? "";
    assertStringIncludes(text, "Failed: The OpenRouter API key was refused.");
    assert(!text.includes("ditolak"), "no Indonesian left in the mark");
  },
);

for (const [size, viewport, lang] of RUNS) {
  browserTest(
    `a message's "now" becomes minutes ago while the chat stays open (${size}, ${lang})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.clock.install();
      await openNewChat(page, lang);
      await sendMessage(page, "Jam berapa sekarang?");
      await answersComplete(page, 1);
      // The history re-read after the answer brings times the server wrote
      // by its own clock, which the page's fake clock is about to outrun.
      await settled(page);
      const times = page.locator(".message-details time");
      const now = lang === "en" ? "now" : "sekarang";
      await pollUntil(
        async () => (await times.allTextContents()).every((t) => t === now),
        { what: `every time reads "${now}"` },
      );
      // The page's timers see three minutes pass.
      await page.clock.fastForward("03:05");
      // "3 min ago", "3 mnt lalu": words of the browser's own ICU.
      const ago = lang === "en" ? /^3 min\.? ago$/ : /^3 mnt\.? (yang )?lalu$/;
      await pollUntil(
        async () => {
          const texts = await times.allTextContents();
          return texts.length >= 2 && texts.every((t) => ago.test(t));
        },
        { what: `every time reads ${ago}` },
      );
    },
    { viewport },
  );
}

for (const [size, viewport, lang] of RUNS) {
  const names = lang === "en"
    ? {
      settings: "Chat settings",
      prompt: "System prompt",
      persona: "Persona",
      saved: "Saved",
      translator: "Translator",
      custom: "Custom",
    }
    : {
      settings: "Pengaturan obrolan",
      prompt: "Prompt sistem",
      persona: "Persona",
      saved: "Tersimpan",
      translator: "Penerjemah",
      custom: "Kustom",
    };
  browserTest(
    `a new chat's persona chips and Chat settings show one choice, and the first message keeps a custom prompt (${size}, ${lang})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      await openNewChat(page, lang);
      await page.getByRole("radio", { name: names.translator }).check();
      await page.getByRole("button", { name: names.settings }).click();
      const panel = page.getByRole("region", { name: names.settings });
      const persona = panel.getByRole("combobox", { name: names.persona });
      await pollUntil(
        async () => await persona.inputValue() === "translator",
        { what: "the chip's persona in Chat settings" },
      );
      const custom = page.getByRole("radio", { name: names.custom });
      assertEquals(await custom.count(), 0, "a Custom chip before a prompt");
      // A prompt of one's own makes the persona "Custom", and its chip shows.
      await panel.getByRole("textbox", { name: names.prompt })
        .fill("Jawablah seperti bajak laut.");
      await panel.getByRole("status").filter({ hasText: names.saved })
        .waitFor();
      await custom.waitFor();
      assert(await custom.isChecked(), "the Custom chip is not the choice");
      assertEquals(
        await page.locator("input[name=first-persona]:checked").count(),
        1,
      );
      await page.keyboard.press("Escape");
      const before = app.fake.requests.length;
      await sendMessage(page, "Halo");
      await answersComplete(page, 1);
      const sent = app.fake.requests.slice(before).find((r) =>
        r.path.endsWith("/chat/completions")
      )?.body as { messages: { role: string; content: string }[] };
      assertEquals(sent.messages[0], {
        role: "system",
        content: "Jawablah seperti bajak laut.",
      });
    },
    { viewport },
  );
}

for (const [size, viewport, lang] of RUNS) {
  browserTest(
    `Jump to latest shows at the bottom of the log while the reader is far up in the history (${size}, ${lang})`,
    async ({ page }) => {
      const client = new ApiClient(app.url);
      const id = await client.createChat({ title: "Sejarah panjang" });
      for (let turn = 0; turn < 3; turn++) {
        app.fake.enqueue({
          type: "answer",
          text: Array.from({ length: 30 }, (_, i) => `Paragraf ${i}.`)
            .join("\n\n"),
        });
        await client.send(id, `Pertanyaan ${turn}`);
      }
      await shareSession(page, client);
      await page.goto(`${app.url}/chats/${id}?lang=${lang}`);
      await waitForIslands(page);
      const jumped = Promise.withResolvers<void>();
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 60 }, (_, i) => `kata${i} `),
        tokenIntervalMs: 20,
        // Streams until the reader has jumped, however busy the machine.
        holdAfter: 30,
        holdUntil: jumped.promise,
      });
      await sendMessage(page, "satu lagi");
      await lastAnswer(page).and(page.locator('[data-status="streaming"]'))
        .waitFor();
      const log = page.locator("#chat-log");
      await log.hover();
      // Up into the history, far above the answer that streams.
      await page.mouse.wheel(0, -4_000);
      const jump = page.getByRole("button", { name: TEXT[lang].jump });
      await jump.waitFor();
      const placement = await jump.evaluate((button) => {
        const box = button.getBoundingClientRect();
        const view = document.getElementById("chat-log")!
          .getBoundingClientRect();
        return { top: box.top >= view.top, bottom: box.bottom <= view.bottom };
      });
      assertEquals(placement, { top: true, bottom: true }, "in view");
      await shootThemes(page, `jump-latest-${size}`);
      await jump.click();
      await jump.waitFor({ state: "detached" });
      assert(await fromBottom(page) < 60, "back at the newest text");
      jumped.resolve();
      await settled(page);
    },
    { viewport },
  );
}
