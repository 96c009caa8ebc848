/**
 * The composer while answers run and requests are refused: typing goes on
 * during an answer, a message sent then waits for it, Send becomes Cancel
 * in the same place, and the draft survives a 429 and a reload.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import {
  answersComplete,
  hideChatList,
  sendMessage,
  settled,
  SIZES,
} from "./helpers.ts";

// One answer a minute, and the minute never ends (the limits' clock is
// stopped): the second message is refused with 429, whenever the test runs.
const stopped = Date.now();
const app = await startApp({ RATE_LIMIT_PER_MINUTE: "1" }, {
  limitsClock: () => stopped,
});
Deno.test.afterAll(() => app.close());

const TEXT = {
  en: {
    message: "Message",
    send: "Send",
    cancel: "Cancel",
    wait: "too many answers",
  },
  id: {
    message: "Pesan",
    send: "Kirim",
    cancel: "Batalkan",
    wait: "terlalu banyak jawaban",
  },
} as const;

const RUNS = [
  [SIZES[0][0], SIZES[0][1], "en"],
  [SIZES[1][0], SIZES[1][1], "id"],
] as const;

for (const [size, viewport, lang] of RUNS) {
  browserTest(
    `typing goes on during an answer, and the draft survives a 429 and a reload (${size}, ${lang})`,
    async ({ page, errors }) => {
      await page.goto(`${app.url}/?lang=${lang}`);
      await waitForIslands(page);
      await hideChatList(page);
      const composer = page.getByRole("textbox", { name: TEXT[lang].message });
      const send = page.getByRole("button", { name: TEXT[lang].send });
      const cancel = page.getByRole("button", { name: TEXT[lang].cancel });
      // A command answered here first: it counts against no answer limit.
      await sendMessage(page, "!waktu");
      await answersComplete(page, 1);
      await settled(page);
      const sendBox = await send.boundingBox();
      // Held until the typing below is done, however busy the machine.
      const typed = Promise.withResolvers<void>();
      app.fake.enqueue({
        type: "answer",
        tokens: Array.from({ length: 30 }, (_, i) => `kata${i} `),
        tokenIntervalMs: 10,
        holdUntil: typed.promise,
      });
      await sendMessage(page, "cerita dulu");
      await cancel.waitFor();
      const cancelBox = await cancel.boundingBox();
      assert(
        sendBox && cancelBox && Math.abs(sendBox.x - cancelBox.x) < 2 &&
          Math.abs(sendBox.y - cancelBox.y) < 2,
        "Cancel takes Send's place",
      );
      // Typing works while the answer streams; Enter queues the message.
      assert(await composer.isEditable(), "the composer stays editable");
      await composer.fill("pertanyaan kedua yang panjang");
      await composer.press("Enter");
      assertEquals(
        await composer.inputValue(),
        "pertanyaan kedua yang panjang",
      );
      typed.resolve();
      await answersComplete(page, 2);
      // Sent once the answer was done, and refused: the text stays.
      await page.getByRole("alert").filter({ hasText: TEXT[lang].wait })
        .waitFor();
      await page.waitForFunction(() =>
        (document.getElementById("composer-input") as HTMLTextAreaElement)
          .value === "pertanyaan kedua yang panjang"
      );
      assertEquals(
        await page.locator('article[data-role="user"]').count(),
        2,
        "nothing was added",
      );
      await page.reload();
      await waitForIslands(page);
      await page.waitForFunction(() =>
        (document.getElementById("composer-input") as HTMLTextAreaElement)
          .value === "pertanyaan kedua yang panjang"
      );
      // The composer grows with its text, up to about a third of the screen.
      const small = (await composer.boundingBox())!.height;
      await composer.fill(
        Array.from({ length: 40 }, (_, i) => `baris ${i}`).join("\n"),
      );
      const tall = (await composer.boundingBox())!.height;
      assert(tall > small * 2, `grew from ${small} to ${tall}`);
      assert(tall <= viewport.height / 3 + 2, `at most a third: ${tall}`);
      // The browser reports the refused request itself; nothing else failed.
      assertEquals(
        errors.filter((e) => !e.includes("status of 429")),
        [],
      );
    },
    { viewport, allowErrors: true },
  );
}
