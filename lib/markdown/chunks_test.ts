import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import {
  CHUNK_BLOCKS,
  CHUNK_OPEN,
  renderChunks,
  renderChunksAsync,
} from "./chunks.ts";
import { escapeHtml } from "./html.ts";
import { markdownEngine } from "./render.ts";
import { renderMarkdown } from "./testing.ts";

Deno.test("a long text renders as chunks of blocks that together are the full render", () => {
  const text = Array.from({ length: 40 }, (_, i) => `Paragraf ${i}.`).join(
    "\n\n",
  );
  const html = renderChunks(markdownEngine(), text);
  assertEquals(html.split(CHUNK_OPEN).length - 1, Math.ceil(40 / CHUNK_BLOCKS));
  assertEquals(
    html.replaceAll(CHUNK_OPEN, "").replaceAll("</div>", ""),
    renderMarkdown(text),
  );
});

Deno.test("an empty text renders no chunk", () => {
  assertEquals(renderChunks(markdownEngine(), ""), "");
});

Deno.test("renderChunks() shows the rest of a text as plain text once its time is up", () => {
  const text = "Paragraf **tebal**.\n\n".repeat(4000);
  let clock = 0;
  // Every look at the clock costs 30 ms: the budget is spent after a few pieces.
  const html = renderChunks(markdownEngine(), text, { now: () => clock += 30 });
  assertStringIncludes(html, "<strong>tebal</strong>");
  assertStringIncludes(html, '<p class="md-raw">Paragraf **tebal**.');
  assert(html.length > text.length, "no text is lost");
});

Deno.test("renderChunks() renders a long text whole while time allows", () => {
  const text = "Paragraf **tebal**.\n\n".repeat(4000);
  const html = renderChunks(markdownEngine(), text, { now: () => 0 });
  assert(!html.includes("md-raw"));
  assertEquals(html.split("<strong>tebal</strong>").length - 1, 4000);
});

Deno.test("renderChunksAsync() escapes a long plain rest in slices, with other work run between them", async () => {
  // 1 MB of `<`: escaping it at once holds the server for 50 ms or more.
  const text = "<a".repeat(500_000);
  let clock = 0;
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    const html = await renderChunksAsync(markdownEngine(), text, {
      now: () => clock += 200,
    });
    // Time was up at once: the whole text is one plain paragraph.
    assertEquals(
      html,
      `${CHUNK_OPEN}<p class="md-raw">${escapeHtml(text)}</p></div>`,
    );
    assert(ticks >= 10, `other work ran ${ticks} times, not between slices`);
  } finally {
    clearInterval(timer);
  }
});
