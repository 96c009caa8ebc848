import { assertEquals } from "@/tests/assert.ts";
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
