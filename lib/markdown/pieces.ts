/**
 * A long text is rendered as markdown piece by piece, so that no input costs
 * more than its size: marked has inputs whose cost grows faster than their
 * length (deeply nested quotes and lists, long runs of emphasis
 * delimiters), and a piece bounds the length each of them can reach. Pieces
 * end at a blank line outside fenced code or math, where a block ends
 * anyway; a piece that finds none within `PIECE_MAX` characters is cut at a
 * line end (a fence cut there is closed and opened again in the next piece).
 * Only native regular expressions walk the text: a loop over its lines in
 * script cost more than the rendering it bounds.
 */

/** A piece is cut at the first blank line after this many characters. */
export const PIECE_MIN = 4 * 1024;
/** No piece is longer than this (but for the fence lines added to it). */
export const PIECE_MAX = 16 * 1024;
/**
 * Nor has a piece more lines than this: marked spends its time per line of
 * a list or quote (a list of 4,096 one-letter items, 16 K characters, takes
 * 40 ms; 1,024 of them 10 ms).
 */
export const PIECE_MAX_LINES = 1024;

/** A fenced block of code or math: where it starts and ends, its marker and opening line. */
interface Fence {
  start: number;
  end: number;
  marker: string;
  opening: string;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,}|\$\$(?=[ \t]*$))[^\n]*$/gm;
const BLANK_LINE = /\n[ \t]*\n/g;

/** One piece of a text and where it ends in that text. */
export interface Piece {
  text: string;
  end: number;
}

/**
 * The pieces of `text`, lazily: a caller that stops early (its time is up)
 * has not paid for scanning the rest. Their texts, without the added fence
 * lines, concatenate to `text`.
 */
export function* markdownPieces(text: string): Generator<Piece> {
  const fences = new Fences(text);
  const blanks = new RegExp(BLANK_LINE);
  let start = 0;
  let reopen = "";
  for (;;) {
    const limit = pieceLimit(text, start);
    if (text.length <= limit) break;
    let cut = -1;
    // The search stays near the piece: in a text with no blank line, each
    // search through the whole rest would cost more than the rendering.
    const near = text.slice(0, limit + PIECE_MIN);
    blanks.lastIndex = start + Math.min(PIECE_MIN, (limit - start) >> 2);
    for (;;) {
      const blank = blanks.exec(near);
      if (!blank || blank.index + 1 > limit) break;
      const fence = fences.at(blank.index);
      if (!fence) {
        cut = blank.index + blank[0].length;
        break;
      }
      blanks.lastIndex = fence.end;
    }
    let close = "";
    let next = "";
    if (cut === -1) {
      // The last line end before the limit; a line longer than a piece
      // (hostile text, or minified code) is cut in it, between two
      // characters rather than inside a surrogate pair.
      const newline = text.slice(start, limit).lastIndexOf("\n");
      cut = newline !== -1
        ? start + newline + 1
        : limit - (isHighSurrogate(text, limit - 1) ? 1 : 0);
      const fence = fences.at(cut - 1);
      if (fence) [close, next] = [`${fence.marker}\n`, `${fence.opening}\n`];
    }
    yield { text: reopen + text.slice(start, cut) + close, end: cut };
    reopen = next;
    start = cut;
  }
  yield { text: reopen + text.slice(start), end: text.length };
}

/**
 * Where a piece from `start` ends at the latest: after `PIECE_MAX`
 * characters or just after its `PIECE_MAX_LINES`th line, whichever is first.
 */
function pieceLimit(text: string, start: number): number {
  // Searched in a slice: a hostile text may have no line end for a megabyte.
  const window = text.slice(start, start + PIECE_MAX);
  let at = 0;
  for (let lines = 0; lines < PIECE_MAX_LINES; lines++) {
    at = window.indexOf("\n", at) + 1;
    if (at === 0) return start + PIECE_MAX;
  }
  return start + at;
}

/** The fenced blocks of a text, found as far as asked. */
class Fences {
  readonly #lines = new RegExp(FENCE_LINE);
  #current: Fence | undefined;
  #done = false;

  constructor(readonly text: string) {}

  /** The fenced block around `index`; ask in increasing order of `index`. */
  at(index: number): Fence | undefined {
    while (!this.#current || this.#current.end <= index) {
      this.#current = this.#next();
      if (!this.#current) return undefined;
    }
    return this.#current.start <= index ? this.#current : undefined;
  }

  #next(): Fence | undefined {
    if (this.#done) return undefined;
    const opening = this.#lines.exec(this.text);
    if (!opening) {
      this.#done = true;
      return undefined;
    }
    const fence: Fence = {
      start: opening.index,
      end: this.text.length,
      marker: opening[1],
      opening: opening[0],
    };
    for (let line; (line = this.#lines.exec(this.text));) {
      if (closes(fence.marker, line[1], line[0])) {
        fence.end = line.index + line[0].length;
        return fence;
      }
    }
    this.#done = true;
    return fence;
  }
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function closes(opened: string, marker: string, line: string): boolean {
  if (opened === "$$") return marker === "$$";
  return marker[0] === opened[0] && marker.length >= opened.length &&
    line.trim() === marker;
}
