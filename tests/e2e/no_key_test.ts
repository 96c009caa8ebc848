/** Without an API key the composer says so and how to set one, and is off; nothing claims a key was refused. */
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import { hideChatList, SIZES } from "./helpers.ts";

const app = await startApp({
  OPENROUTER_API_KEY: "",
  OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1",
});
Deno.test.afterAll(() => app.close());

const TEXT = {
  en: { message: "Message", send: "Send", note: "No API key is set" },
  id: { message: "Pesan", send: "Kirim", note: "Kunci API belum diatur" },
} as const;

for (const [size, viewport] of SIZES) {
  for (const lang of ["en", "id"] as const) {
    browserTest(
      `without an API key the composer explains itself and sends nothing (${size}, ${lang})`,
      async ({ page }) => {
        await page.goto(`${app.url}/?lang=${lang}`);
        await waitForIslands(page);
        await hideChatList(page);
        const composer = page.getByRole("textbox", {
          name: TEXT[lang].message,
        });
        assertEquals(await composer.isDisabled(), true);
        assertEquals(
          await page.getByRole("button", { name: TEXT[lang].send })
            .isDisabled(),
          true,
        );
        // The explanation is the composer's description, with what to do.
        const description = await composer.evaluate((el) =>
          document.getElementById(el.getAttribute("aria-describedby")!)
            ?.textContent ?? ""
        );
        assertStringIncludes(description, TEXT[lang].note);
        assertStringIncludes(description, "OPENROUTER_API_KEY");
        await page.getByText(TEXT[lang].note).waitFor();
        const body = await page.locator("body").textContent() ?? "";
        assert(
          !/refused|ditolak/i.test(body),
          "nothing says a key was refused",
        );
      },
      { viewport },
    );
  }
}
