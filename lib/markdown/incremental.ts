/**
 * Streaming markdown: each update re-parses only the text after the last
 * finished block, so the cost of a token does not grow with the answer.
 *
 * The finished part ends at the last boundary that no later text can move
 * (see `finishedCount`). Reference definitions, which reach back across the
 * whole text, are disabled in `render.ts`. An unclosed fence lexes as code to
 * the end of the text, so a half-written code block shows as code.
 */
import type { Token } from "marked";
import { markdownPieces, type Piece } from "./pieces.ts";
import { inlineCost, TAIL_BLOCK_BUDGET } from "./inline_budget.ts";
import type { MarkdownEngine } from "./render.ts";

// Blocks that end with their own last line: nothing after them joins them.
const CLOSED = new Set(["heading", "code", "hr"]);
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n$/;

/**
 * How many leading tokens are final. A block stays open while it is the
 * last one, and also while what follows could still join it: a paragraph,
 * list, quote or table takes the next line as a continuation, a setext
 * underline or a lazy line unless a blank line separates them; a list even
 * takes an item after a blank line (`1. a`, blank, `2`… becomes `2. b`), so
 * after a list the next block's first line must be complete too.
 */
export function finishedCount(tokens: Token[]): number {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].type === "space") last--;
  for (let k = last; k > 0; k--) {
    if (tokens[k].type === "space") continue;
    let p = k - 1;
    while (p >= 0 && tokens[p].type === "space") p--;
    if (p < 0) return k;
    const prev = tokens[p];
    if (CLOSED.has(prev.type)) return k;
    let between = "";
    for (let i = p; i < k; i++) between += tokens[i].raw;
    if (!ENDS_WITH_BLANK_LINE.test(between)) continue;
    if (prev.type !== "list" || tokens[k].raw.includes("\n")) return k;
  }
  return 0;
}

/**
 * An unfinished bulleted list longer than this many items streams as lists
 * of this many: the tail is rendered again on every update, and Chromium
 * took 100–500 ms a frame to style and lay out a thousand new items.
 * Numbered lists are left whole (a list cut there would number from its
 * first item's number, wrong for lists written "1." on every line).
 */
export const TAIL_LIST_ITEMS = 128;

/**
 * The length of the leading items of `token`, a bulleted list that starts
 * at `at` in `text`, to finish now; 0 when it is short enough to stay open.
 */
function longListHead(
  token: Token | undefined,
  text: string,
  at: number,
): number {
  if (token?.type !== "list" || token.ordered) return 0;
  const items: Token[] = token.items;
  if (items.length <= TAIL_LIST_ITEMS) return 0;
  let length = 0;
  // The last item stays open: its next line may continue it.
  for (const item of items.slice(0, -1)) {
    if (!text.startsWith(item.raw, at + length)) return 0;
    length += item.raw.length;
  }
  return length;
}

/** What one update produced. */
export interface IncrementalUpdate {
  /** HTML of blocks that finished with this update (to append, once). */
  finished: string;
  /** HTML of the unfinished rest (to replace the previous tail). */
  tail: string;
}

/** Renders one growing text; feed it the whole text so far on every update. */
export class IncrementalMarkdown {
  #offset = 0;

  constructor(readonly engine: MarkdownEngine) {}

  /** How much of the text the finished blocks cover. */
  get offset(): number {
    return this.#offset;
  }

  /** Lexes the unfinished part of `text`; blocks before its last one are finished. */
  update(text: string): IncrementalUpdate {
    let source = text.slice(this.#offset);
    // The lexer reads `\r\n` and `\r` as `\n`; token lengths count that way.
    let normalized = source.includes("\r")
      ? source.replace(/\r\n?/g, "\n")
      : source;
    // An unfinished block longer than a piece (a list or quote that never
    // ends) is finished a piece at a time, so one update's cost stays
    // bounded however long the block grows.
    let forced = "";
    for (;;) {
      const piece: Piece = markdownPieces(normalized).next().value!;
      if (piece.end >= normalized.length) break;
      forced += this.engine.render(this.engine.lex(piece.text));
      const taken = originalLength(source, piece.end);
      this.#offset += taken;
      source = source.slice(taken);
      normalized = normalized.slice(piece.end);
    }
    const tokens = this.engine.lex(normalized);
    let count = finishedCount(tokens);
    let consumed = 0;
    for (let i = 0; i < count; i++) {
      const raw = tokens[i].raw;
      // marked rewrites `raw` in rare merges; an offset must match the text.
      if (!normalized.startsWith(raw, consumed)) {
        count = consumed = 0;
        break;
      }
      consumed += raw.length;
    }
    let finished = forced +
      (count ? this.engine.render(tokens.slice(0, count)) : "");
    let open = tokens.slice(count);
    const head = longListHead(open[0], normalized, consumed);
    if (head) {
      finished += this.engine.render(
        this.engine.lex(normalized.slice(consumed, consumed + head)),
      );
      consumed += head;
      open = this.engine.lex(normalized.slice(consumed));
    }
    const rest = normalized.slice(consumed);
    if (inlineCost(rest) > TAIL_BLOCK_BUDGET) {
      open = this.engine.lex(rest, { blockBudget: TAIL_BLOCK_BUDGET });
    }
    this.#offset += originalLength(source, consumed);
    return { finished, tail: this.engine.render(open) };
  }

  /** The text is complete: returns the HTML of everything not yet finished. */
  finish(text: string): string {
    const html = this.engine.render(this.engine.lex(text.slice(this.#offset)));
    this.#offset = text.length;
    return html;
  }
}

/** Maps a length in the `\r`-normalized text back to one in `source`. */
function originalLength(source: string, normalized: number): number {
  if (!source.includes("\r")) return normalized;
  let i = 0;
  for (let n = 0; n < normalized && i < source.length; n++) {
    i += source[i] === "\r" && source[i + 1] === "\n" ? 2 : 1;
  }
  return i;
}
