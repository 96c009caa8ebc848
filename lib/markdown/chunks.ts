/**
 * Finished blocks are grouped in `<div class="md-chunk">` boxes of a few
 * blocks each, on the server and while streaming. The stylesheet skips
 * layout and paint of chunks out of view (`content-visibility: auto`), so
 * a frame's rendering work does not grow with the length of an answer.
 */
import type { MarkdownEngine } from "./render.ts";

/** Blocks per chunk. */
export const CHUNK_BLOCKS = 16;

/** Opens a chunk. */
export const CHUNK_OPEN = '<div class="md-chunk">';

/**
 * Renders a whole text as chunks of `CHUNK_BLOCKS` blocks, with no text
 * between them, exactly as the browser assembles a streamed answer.
 */
export function renderChunks(engine: MarkdownEngine, text: string): string {
  const tokens = engine.lex(text);
  let html = "";
  for (let i = 0, blocks = 0, start = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].type === "space") continue;
    if (blocks === CHUNK_BLOCKS || i === tokens.length) {
      const part = engine.render(tokens.slice(start, i));
      if (part) html += `${CHUNK_OPEN}${part}</div>`;
      start = i;
      blocks = 0;
    }
    blocks++;
  }
  return html;
}
