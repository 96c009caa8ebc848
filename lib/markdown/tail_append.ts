/**
 * While an answer streams, its unfinished last block is rendered again on
 * every update, and most updates only add plain text to the end of that
 * block's last text (a paragraph, an item or a code block growing).
 * Appending that text to the DOM, instead of replacing the tail's HTML,
 * spares the browser parsing, styling and shaping the whole block again
 * every frame.
 */

/** Closing tags (and the line ends marked writes between them) at the end of HTML. */
const CLOSING_RUN = /(?:<\/[a-z][a-z0-9]*>|\n)+$/;
const CLOSING_PART = /<\/[a-z][a-z0-9]*>|\n/g;
// Characters the HTML parser would not insert as they are: markup,
// references, and what input preprocessing rewrites or drops.
const NOT_PLAIN = /[<&\r\0]/;

/** Text to append to the tail, and the closing tags that follow it. */
export interface TailAppend {
  text: string;
  /** `</p>`, `\n`… in the order the HTML has them. */
  closing: string[];
}

/**
 * How `after` extends `before`, when it is `before` with plain text added
 * just before its closing tags; `undefined` when it changed otherwise.
 */
export function tailAppend(
  before: string,
  after: string,
): TailAppend | undefined {
  if (after.length <= before.length) return undefined;
  // A line end before the first closing tag belongs to the text (code).
  const closing = CLOSING_RUN.exec(before)?.[0].replace(/^\n+/, "");
  if (!closing) return undefined;
  const open = before.length - closing.length;
  if (
    !after.endsWith(closing) || !after.startsWith(before.slice(0, open))
  ) return undefined;
  const text = after.slice(open, after.length - closing.length);
  if (NOT_PLAIN.test(text)) return undefined;
  return { text, closing: closing.match(CLOSING_PART)! };
}

/**
 * The text node that `closing` follows at the end of `root`, or null when
 * the DOM does not have that shape (then the tail is replaced instead).
 */
export function textBeforeClosing(root: Node, closing: string[]): Text | null {
  let node = root.lastChild;
  for (let i = closing.length - 1; i >= 0 && node; i--) {
    const part = closing[i];
    if (part === "\n") {
      if (node.nodeType !== Node.TEXT_NODE || node.nodeValue !== "\n") {
        return null;
      }
      node = node.previousSibling;
    } else {
      const tag = part.slice(2, -1).toUpperCase();
      if ((node as Element).tagName !== tag) return null;
      node = node.lastChild;
    }
  }
  return node?.nodeType === Node.TEXT_NODE ? node as Text : null;
}
