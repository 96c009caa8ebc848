import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import {
  allowClipboard,
  answers,
  answersComplete,
  clipboardText,
  lastAnswer,
  sendMessage,
  shootThemes,
  SIZES,
} from "./helpers.ts";
import { startApp } from "@/tests/app_server.ts";

browserTest(
  "an answer shows its time, tokens and collapsed reasoning; Like is saved",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "[[fake:reasoning]] halo");
      await answersComplete(page, 1);
      const answer = answers(page).first();
      assertStringIncludes(
        await answer.locator(".message-details").textContent() ?? "",
        "tokens",
      );
      assert(await answer.locator("time").getAttribute("datetime"));
      const reasoning = answer.locator("details.reasoning");
      assertEquals(
        await reasoning.getAttribute("open"),
        null,
        "reasoning starts collapsed",
      );
      await answer.locator("details.reasoning summary", {
        hasText: "Reasoning",
      }).click();
      await answer.getByText("Pengguna menyapa").waitFor();
      const saved = page.waitForResponse((r) =>
        r.request().method() === "PATCH" && r.ok()
      );
      await answer.getByRole("button", { name: "Like", exact: true }).click();
      await saved;
      await answer.getByRole("button", {
        name: "Like",
        exact: true,
        pressed: true,
      })
        .waitFor();
      await page.reload();
      await waitForIslands(page);
      await answers(page).first().getByRole("button", {
        name: "Like",
        pressed: true,
      }).waitFor();
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "regenerated answers can be paged through, and the choice sticks",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=id`);
      await waitForIslands(page);
      app.fake.enqueue({ type: "answer", text: "Jawaban pertama." });
      await sendMessage(page, "ceritakan sesuatu");
      await answersComplete(page, 1);
      app.fake.enqueue({ type: "answer", text: "Jawaban kedua." });
      await page.getByRole("button", { name: "Buat ulang" }).click();
      await page.getByText("Jawaban kedua.").waitFor();
      await page.getByRole("group", { name: "Versi 2 dari 2" }).waitFor();
      await page.getByRole("button", { name: "Versi sebelumnya" }).click();
      await page.getByText("Jawaban pertama.").waitFor();
      await page.reload();
      await page.getByText("Jawaban pertama.").waitFor();
      await page.getByRole("group", { name: "Versi 1 dari 2" }).waitFor();
      assertEquals(await answers(page).count(), 1);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "Esc cancels a running answer; Ctrl+Shift+C copies the last response",
  async ({ page }) => {
    const app = await startApp();
    try {
      await allowClipboard(page);
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      // A long answer, so Escape lands while it streams on a loaded machine.
      await sendMessage(
        page,
        `[[fake:slow=200]] ${"panjang sekali ".repeat(10)}`,
      );
      await page.getByRole("button", { name: "Cancel" }).waitFor();
      // Some text must have arrived, or there is nothing for the copy to take.
      await page.locator('article[data-status="streaming"]', {
        hasText: "Echo:",
      }).waitFor();
      await page.keyboard.press("Escape");
      await page.locator('article[data-status="cancelled"]').waitFor();
      // Focus goes back to the composer after the cancel.
      await page.waitForFunction(() =>
        document.activeElement?.id === "composer-input"
      );
      await page.keyboard.press("Control+Shift+C");
      await lastAnswer(page).getByRole("button", { name: "Copy", exact: true })
        .getByRole("status").filter({ hasText: "Copied" }).waitFor();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assertStringIncludes(clip, "Echo:");
    } finally {
      await app.close();
    }
  },
);

for (
  const [lang, viewport, copy, copied] of [
    ["en", { width: 1280, height: 860 }, "Copy", "Copied"],
    ["id", { width: 360, height: 740 }, "Salin", "Tersalin"],
  ] as const
) {
  browserTest(
    `"${copied}" stays on the answer copied while its history is re-read (${lang}, ${viewport.width} px)`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await allowClipboard(page);
        // The re-read after the answer is held until the copy is done, as
        // on a slow connection.
        let release = () => {};
        const held = new Promise<void>((resolve) => release = resolve);
        await page.route("**/chats/*/history*", async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${app.url}/?lang=${lang}`);
        await waitForIslands(page);
        await sendMessage(page, "halo");
        await answersComplete(page, 1);
        const button = lastAnswer(page).getByRole("button", {
          name: copy,
          exact: true,
        });
        await button.click();
        await button.getByRole("status").filter({ hasText: copied })
          .waitFor();
        const reread = page.waitForResponse((r) =>
          r.url().includes("/history")
        );
        release();
        await reread;
        // The answer is now the server's rendering, inside the history.
        await page.locator("#chat-history article[data-role=assistant]")
          .waitFor();
        assertEquals(
          await page.locator(
            "#chat-history article[data-role=assistant] [data-action=copy] [role=status]",
          ).textContent(),
          copied,
        );
        assertStringIncludes(
          await page.evaluate(() => navigator.clipboard.readText()),
          "Echo:",
        );
      } finally {
        await app.close();
      }
    },
    { viewport },
  );
}

browserTest(
  "the done sound is off by default and plays when switched on",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.addInitScript(() => {
        const Original = globalThis.AudioContext;
        (globalThis as unknown as { sounds: number }).sounds = 0;
        globalThis.AudioContext = class extends Original {
          constructor() {
            super();
            (globalThis as unknown as { sounds: number }).sounds++;
          }
        };
      });
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      const sounds = () =>
        page.evaluate(() =>
          (globalThis as unknown as { sounds: number }).sounds
        );
      await sendMessage(page, "satu");
      await answersComplete(page, 1);
      assertEquals(await sounds(), 0, "off by default");
      // The switch lives in the Settings dialog.
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      await page.getByRole("switch", { name: "Sound when an answer is done" })
        .check();
      await page.getByRole("button", { name: "Close" }).click();
      await sendMessage(page, "dua");
      await answersComplete(page, 2);
      await page.waitForFunction(() =>
        (globalThis as unknown as { sounds: number }).sounds > 0
      );
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "Ctrl+Shift+; copies the last code block of the chat",
  async ({ page }) => {
    const app = await startApp();
    try {
      await allowClipboard(page);
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      app.fake.enqueue({
        type: "answer",
        text:
          "Dua blok:\n\n```js\nconsole.log(1);\n```\n\n```py\nprint('terakhir')\n```\n",
      });
      await sendMessage(page, "beri contoh kode");
      await answersComplete(page, 1);
      await page.getByRole("button", { name: "Copy code" }).nth(1).waitFor();
      await page.keyboard.press("Control+Shift+;");
      // The clipboard is the browser's, shared with the module's other
      // tests: it is read until this copy has reached it.
      const copied = await clipboardText(page, (t) => t.includes("terakhir"));
      assertEquals(copied.trim(), "print('terakhir')");
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "an answer that ends before the markdown engine loads still gets Copy code",
  async ({ page }) => {
    const app = await startApp();
    try {
      // The markdown view loads while the answer streams, but the engine
      // (marked) arrives after the answer ended and the history was read
      // again: the answer's body on the page is still plain text. Held from
      // the page's load on: the page warms the engine up while idle.
      const rereadDone = Promise.withResolvers<void>();
      await page.route("**/_frsh/js/**", async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        if (body.includes("marked")) await rereadDone.promise;
        await route.fulfill({ response, body }).catch(() => {});
      });
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      const reread = page.waitForResponse((r) =>
        r.url().includes("/history") && r.ok()
      );
      await sendMessage(
        page,
        "[[fake:slow]] lihat:\n\n```py\nprint('terlambat')\n```",
      );
      await answersComplete(page, 1);
      // The page had no rendering of its own to keep: the engine was late.
      assertEquals(
        new URL((await reread).url()).searchParams.get("keep"),
        null,
      );
      rereadDone.resolve();
      const answer = answers(page).first();
      await answer.getByRole("button", { name: "Copy code" }).waitFor();
      assertEquals(await answer.locator(".code-lang").textContent(), "py");
      // Highlighting loads its code after Copy code: the server stays up
      // until it has (a request to a closed server is a page error).
      await answer.locator('pre code.hljs[data-highlighted="yes"]').waitFor();
      await page.unrouteAll({ behavior: "ignoreErrors" });
    } finally {
      await app.close();
    }
  },
);

for (
  const [label, viewport, lang, name, copied, edit] of [
    [
      ...SIZES[0],
      "en",
      "Copy last response",
      "Copied",
      { edit: "Edit", box: "Edit message", save: "Save and send" },
    ],
    [
      ...SIZES[1],
      "id",
      "Salin respons terakhir",
      "Tersalin",
      { edit: "Ubah", box: "Ubah pesan", save: "Simpan dan kirim" },
    ],
  ] as const
) {
  browserTest(
    `Copy last response in the header copies the newest answer (${label}, ${lang})`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await allowClipboard(page);
        await page.goto(`${app.url}/?lang=${lang}`);
        await waitForIslands(page);
        const copyLast = page.getByRole("button", { name });
        assertEquals(await copyLast.isVisible(), false, "no answer yet");
        app.fake.enqueue({ type: "answer", text: "Jawaban pertama." });
        await sendMessage(page, "satu");
        await answersComplete(page, 1);
        app.fake.enqueue({ type: "answer", text: "Jawaban **kedua**." });
        await sendMessage(page, "dua");
        await answersComplete(page, 2);
        await copyLast.click();
        assertEquals(
          await clipboardText(page, (text) => text.includes("kedua")),
          "Jawaban **kedua**.",
        );
        // Said once the answer's own copy has happened.
        await page.locator(`[data-copy-last][title="${copied}"]`).waitFor();
        await shootThemes(page, `copy-last-${label}`);
        // A finished answer read from the history shows it too.
        await page.reload();
        await waitForIslands(page);
        await copyLast.waitFor();

        // Editing the first question hides every answer after it: with
        // nothing ended in view the button goes, and the new answer brings
        // it back.
        const question = page.locator('article[data-role="user"]').first();
        await question.hover();
        await question.getByRole("button", { name: edit.edit }).click();
        await page.getByRole("textbox", { name: edit.box }).fill("satu lagi");
        app.fake.enqueue({
          type: "answer",
          tokens: Array.from({ length: 20 }, (_, i) => `baru${i} `),
          tokenIntervalMs: 50,
        });
        await page.getByRole("button", { name: edit.save }).click();
        await page.locator('article[data-status="streaming"]').waitFor();
        await copyLast.waitFor({ state: "hidden" });
        await lastAnswer(page).getByText("baru19").waitFor();
        await copyLast.waitFor();
      } finally {
        await app.close();
      }
    },
    { viewport },
  );
}
