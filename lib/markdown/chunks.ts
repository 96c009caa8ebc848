/**
 * Finished blocks are grouped in `<div class="md-chunk">` boxes of a few
 * blocks each, on the server and while streaming. The stylesheet skips
 * layout and paint of chunks out of view (`content-visibility: auto`), so
 * a frame's rendering work does not grow with the length of an answer.
 */
import { escapeHtml } from "./html.ts";
import { markdownPieces, PIECE_MAX } from "./pieces.ts";
import type { MarkdownEngine } from "./render.ts";

/** Blocks per chunk. */
export const CHUNK_BLOCKS = 16;

/** Opens a chunk. */
export const CHUNK_OPEN = '<div class="md-chunk">';

/**
 * How long one text may take to render as markdown; pieces after that show
 * as plain text. Every piece is bounded in size, so this caps a render at
 * about this much plus one piece, whatever the text.
 */
export const RENDER_BUDGET_MS = 100;

/** Options of `renderChunks`. */
export interface RenderChunksOptions {
  /** Milliseconds since some origin (tests pass a fake clock). */
  now?: () => number;
}

/**
 * Renders a whole text as chunks of `CHUNK_BLOCKS` blocks, with no text
 * between them, exactly as the browser assembles a streamed answer; a long
 * text piece by piece within `RENDER_BUDGET_MS` (see `pieces.ts`).
 */
export function renderChunks(
  engine: MarkdownEngine,
  text: string,
  options: RenderChunksOptions = {},
): string {
  const steps = renderSteps(engine, text, options.now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `renderChunks` that lets other work run between its pieces, so that a
 * long text does not hold up the server's other requests.
 */
export async function renderChunksAsync(
  engine: MarkdownEngine,
  text: string,
  options: RenderChunksOptions = {},
): Promise<string> {
  const steps = renderSteps(engine, text, options.now);
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    if (step.done) return step.value;
    // A slow piece (hostile input) is followed by a pause as long as it, up
    // to a limit: requests that arrived meanwhile get as much time.
    const spent = performance.now() - started;
    const pause = spent > BREATHE_FROM_MS ? Math.min(spent, BREATHE_MAX_MS) : 0;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A piece slower than this is followed by a pause (`renderChunksAsync`). */
const BREATHE_FROM_MS = 4;
const BREATHE_MAX_MS = 10;

/** The render of `text`, one piece per step; the return value is the HTML. */
function* renderSteps(
  engine: MarkdownEngine,
  text: string,
  now: () => number = () => performance.now(),
): Generator<void, string> {
  const started = now();
  let html = "";
  let done = 0;
  for (const piece of markdownPieces(text)) {
    if (done > 0) yield;
    if (now() - started > RENDER_BUDGET_MS) break;
    html += piece.text.length <= 2 * PIECE_MAX
      ? renderPiece(engine, piece.text)
      : plainChunk(piece.text);
    done = piece.end;
  }
  if (done >= text.length) return html;
  // Escaping is slow too when most characters need it (500,000 `<` take
  // 50 ms or more): the rest is escaped a slice per step.
  html += PLAIN_OPEN;
  for (let at = done; at < text.length; at += PLAIN_SLICE) {
    if (at > done || done > 0) yield;
    html += escapeHtml(text.slice(at, at + PLAIN_SLICE));
  }
  return html + PLAIN_CLOSE;
}

/** Characters of plain text escaped per step (`renderSteps`). */
const PLAIN_SLICE = 16 * 1024;

function renderPiece(engine: MarkdownEngine, text: string): string {
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

/** A piece shown as the text it is. */
function plainChunk(text: string): string {
  return PLAIN_OPEN + escapeHtml(text) + PLAIN_CLOSE;
}

const PLAIN_OPEN = `${CHUNK_OPEN}<p class="md-raw">`;
const PLAIN_CLOSE = "</p></div>";
