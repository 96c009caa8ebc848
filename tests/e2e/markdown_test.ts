import type { Page } from "playwright-core";
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import {
  allowClipboard,
  clipboardText,
  lastAnswer,
  sendMessage,
  settled,
  SIZES,
} from "./helpers.ts";
import { startApp } from "@/tests/app_server.ts";
import { XSS_MARKER, xssCorpus } from "@/lib/markdown/xss_corpus.ts";

const CODE =
  'def greet(name):\n    return f"Halo, {name}!"\n\nprint(greet("Deno"))';
const ANSWER = `# Ringkasan

Poin penting:

- cepat
- aman

| Bahasa | Tahun |
|--------|------:|
| Python | 1991  |

Energi $E = mc^2$.

\`\`\`python
${CODE}
\`\`\`
`;

/** Strings of KaTeX's and highlight.js's code that no other script has. */
const KATEX_CODE = "KaTeX parse error";
const HIGHLIGHT_CODE = "highlightElement";

async function assertRendered(page: Page) {
  const answer = lastAnswer(page);
  await answer.getByRole("heading", { name: "Ringkasan" }).waitFor();
  assertEquals(await answer.getByRole("list").getByRole("listitem").count(), 2);
  await answer.getByRole("table").getByRole("cell", { name: "1991" }).waitFor();
  assertEquals(await answer.locator("pre code").textContent(), CODE + "\n");
  // Highlighting and KaTeX arrive after their lazy chunks.
  await answer.locator('pre code.hljs[data-highlighted="yes"]').waitFor();
  await answer.locator(".math .katex").waitFor();
}

browserTest(
  "an answer renders headings, lists, tables, code and math as elements, and Copy code copies the code",
  async ({ page }) => {
    const app = await startApp();
    try {
      await allowClipboard(page);
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      // Chunk names differ between bundlers, so the scripts are told apart by
      // what they contain.
      const scripts: Promise<string>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        scripts.push(response.text().catch(() => ""));
      });
      const loads = async (signature: string) =>
        (await Promise.all(scripts)).some((code) => code.includes(signature));
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "plain question");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor();
      assert(
        !requests.some((url) => url.includes("katex")) &&
          !await loads(KATEX_CODE) && !await loads(HIGHLIGHT_CODE),
        "a plain answer loads neither KaTeX nor highlighting",
      );

      app.fake.enqueue({ type: "answer", text: ANSWER, tokenIntervalMs: 5 });
      await sendMessage(page, "markdown please");
      await page.locator('article[data-role="assistant"]').nth(1)
        .and(page.locator('[data-status="complete"]')).waitFor();
      await assertRendered(page);
      assert(requests.some((url) => url.includes("/katex/katex.min.css")));
      assert(
        await loads(KATEX_CODE) && await loads(HIGHLIGHT_CODE),
        "KaTeX and highlight.js are told by these strings",
      );

      const copy = lastAnswer(page).getByRole("button", { name: "Copy code" });
      await copy.click();
      await copy.getByText("Copied").waitFor();
      assertEquals(
        await page.evaluate(() => navigator.clipboard.readText()),
        CODE + "\n",
      );

      // History: rendered by the server, enhanced in the browser.
      await page.reload();
      await waitForIslands(page);
      await assertRendered(page);
      await page.evaluate(() => navigator.clipboard.writeText(""));
      await lastAnswer(page).getByRole("button", { name: "Copy code" }).click();
      assertEquals(await clipboardText(page, (t) => t !== ""), CODE + "\n");

      // The same button in Indonesian.
      await page.goto(`${page.url().split("?")[0]}?lang=id`);
      await waitForIslands(page);
      await lastAnswer(page).getByRole("button", { name: "Salin kode" })
        .waitFor();
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "while an answer streams, a half table shows as a table and an unclosed fence as code",
  async ({ page }) => {
    // The upstream sends these tokens, then goes quiet with the stream open.
    const app = await startApp({ UPSTREAM_TIMEOUT_MS: "20000" });
    try {
      app.fake.enqueue({
        type: "stall",
        tokens: [
          "| a | b |\n|---|---|\n| 1 |",
          "\n\n```js\n",
          "const half = 1;",
        ],
      });
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "stream something");
      const streaming = page.locator('article[data-status="streaming"]');
      await streaming.locator("pre code.language-js", {
        hasText: "const half = 1;",
      }).waitFor();
      await streaming.getByRole("table").getByRole("cell", { name: "1" })
        .waitFor();
      await page.getByRole("button", { name: "Cancel" }).click();
      await lastAnswer(page).and(page.locator('[data-status="cancelled"]'))
        .waitFor();
      await lastAnswer(page).getByRole("button", { name: "Copy code" })
        .waitFor();
      await settled(page);
      await lastAnswer(page).getByRole("button", { name: "Copy code" })
        .waitFor();
    } finally {
      await app.close();
    }
  },
);

for (
  const [[label, viewport], lang, cancel] of [
    [SIZES[0], "en", "Cancel"],
    [SIZES[1], "id", "Batalkan"],
  ] as const
) {
  browserTest(
    `while an answer streams, its growing paragraph and list item stay the same elements, even once finished, so a selection in them survives (${label}, ${lang})`,
    async ({ page }) => {
      await page.setViewportSize(viewport);
      const app = await startApp();
      try {
        // Words after the list item keep the answer streaming while it is checked.
        app.fake.enqueue({
          type: "answer",
          tokens: ["Halo", " dunia", " yang", " indah", "\n\n- satu", " dua"]
            .concat(Array(20).fill(" lagi")),
          tokenIntervalMs: 300,
        });
        await page.goto(`${app.url}/?lang=${lang}`);
        await waitForIslands(page);
        await sendMessage(page, "stream words");
        const streaming = page.locator('article[data-status="streaming"]');
        const paragraph = await streaming.locator("p", { hasText: "Halo" })
          .elementHandle();
        // The reader selects the first word while the answer goes on.
        await paragraph!.evaluate((el) => {
          const range = document.createRange();
          range.setStart(el.firstChild!, 0);
          range.setEnd(el.firstChild!, 4);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        });
        await streaming.getByText("Halo dunia yang indah").waitFor();
        assertEquals(
          await page.evaluate(() => getSelection()!.toString()),
          "Halo",
        );
        assertEquals(
          await paragraph!.evaluate((el) => el.isConnected && el.textContent),
          "Halo dunia yang indah",
        );
        const item = await streaming.getByRole("listitem").elementHandle();
        await streaming.getByRole("listitem").filter({ hasText: "satu dua" })
          .waitFor();
        assertStringIncludes(
          String(await item!.evaluate((el) => el.isConnected && el.outerHTML)),
          "<li>satu dua",
        );
        // The paragraph finished when the list began: the same element, moved
        // out of the tail, still holds the selection.
        assertEquals(
          await paragraph!.evaluate((el) => el.isConnected && el.textContent),
          "Halo dunia yang indah",
        );
        assertEquals(
          await page.evaluate(() => getSelection()!.toString()),
          "Halo",
        );
        await page.getByRole("button", { name: cancel }).click();
        await lastAnswer(page).and(page.locator('[data-status="cancelled"]'))
          .waitFor();
        await settled(page);
      } finally {
        await app.close();
      }
    },
  );
}

/** Every element and attribute inside rendered messages that could be active. */
function activeParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const active =
      /^(script|img|svg|iframe|object|embed|style|link|meta|base|form|input|video|audio|source|body|frame|math|details|button)$/i;
    for (const root of document.querySelectorAll(".markdown")) {
      for (const el of root.querySelectorAll("*")) {
        // KaTeX's own output (MathML, SVG) and our copy button are not payloads.
        if (el.closest(".katex") || el.closest(".copy-code")) continue;
        if (active.test(el.localName)) found.push(`<${el.localName}>`);
        for (const attr of el.attributes) {
          if (/^on|^src|^srcdoc|^style|^action|^formaction/i.test(attr.name)) {
            found.push(`${el.localName}[${attr.name}]`);
          }
        }
        if (el.localName === "a") {
          const href = (el as HTMLAnchorElement).href;
          if (!/^(https?|mailto):/.test(href)) found.push(`a[href=${href}]`);
        }
      }
    }
    return found;
  });
}

browserTest(
  "the XSS corpus, streamed and after a reload, runs nothing and loads nothing",
  async ({ page }) => {
    const app = await startApp();
    try {
      const hit = `${app.url}/xss-hit`;
      const dialogs: string[] = [];
      const markers: string[] = [];
      const hits: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      page.on("console", (message) => {
        if (message.text().includes(XSS_MARKER)) markers.push(message.text());
      });
      page.on("request", (request) => {
        const url = request.url();
        if (url.includes("xss-hit") || !url.startsWith(app.url)) hits.push(url);
      });
      const corpus = xssCorpus(hit);
      app.fake.enqueue({
        type: "answer",
        text: corpus.join("\n\n"),
        tokenIntervalMs: 2,
      });
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      await sendMessage(page, "show me the payloads");
      await lastAnswer(page).and(page.locator('[data-status="complete"]'))
        .waitFor({ timeout: 30_000 });
      assertStringIncludes(
        await lastAnswer(page).textContent() ?? "",
        "<script>alert('XSS')</script>",
      );
      await page.waitForTimeout(500);
      assertEquals(await activeParts(page), [], "streamed: active parts");

      await page.reload();
      await waitForIslands(page);
      await lastAnswer(page).locator(".math .katex").first().waitFor();
      await page.waitForTimeout(500);
      assertEquals(await activeParts(page), [], "reloaded: active parts");
      assertEquals(dialogs, [], "no dialog opened");
      assertEquals(markers, [], "no payload logged its marker");
      assertEquals(hits, [], "no request to a payload URL");
    } finally {
      await app.close();
    }
  },
);
