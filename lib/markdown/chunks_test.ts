import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { CHUNK_BLOCKS, CHUNK_OPEN, renderChunks } from "./chunks.ts";
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
