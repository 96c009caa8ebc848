/**
 * A marked extension for TeX math: `$…$` and `$$…$$` inline, `$$…$$` as a
 * block. It only marks the source (escaped) with a class; the browser typesets
 * it with KaTeX later (`math_render.ts`), so pages without math load no KaTeX.
 */
import type { TokenizerAndRendererExtension, Tokens } from "marked";
import { escapeHtml } from "./html.ts";

/** A math token: its TeX source and whether it is displayed on its own line. */
interface MathToken extends Tokens.Generic {
  type: "mathBlock" | "mathInline";
  text: string;
  display: boolean;
}

// A display block: `$$…$$` on one line, or `$$` alone on a line, lines
// without a blank one (TeX forbids it there), and `$$` ending a line.
const BLOCK = /^ {0,3}\$\$([^\n]+?)\$\$[ \t]*(?:\n|$)/;
const MULTILINE = "((?:[^\\n$]|\\$(?!\\$)|\\n(?![ \\t]*\\n))*)";
const BLOCK_LINES = new RegExp(
  `^ {0,3}\\$\\$[ \\t]*\\n${MULTILINE}\\$\\$[ \\t]*(?:\\n|$)`,
);
// `$$` alone on its line with no end yet: like an unclosed fence, the block
// runs to the end of the text (while no blank line and no `$$` come), so a
// formula being streamed shows as one and stays the last block until closed.
const OPEN_BLOCK = new RegExp(`^ {0,3}\\$\\$[ \\t]*\\n${MULTILINE}$`);
// `$$x$$` inside a line.
const INLINE_DISPLAY = /^\$\$((?:\\[\s\S]|[^\\\n$])+?)\$\$/;
// `$x$`: no space just inside either dollar and no digit right after the
// closing one, so prices such as "$5 and $10" stay text (Pandoc's rule).
const INLINE =
  /^\$(?![\s$])((?:\\[\s\S]|[^\\\n$])*?(?:\\[^\s]|[^\s\\$]))\$(?!\d)/;

function render(token: MathToken, tag: "span" | "div"): string {
  const kind = token.display ? "math-display" : "math-inline";
  return `<${tag} class="math ${kind}">${escapeHtml(token.text)}</${tag}>`;
}

const mathBlock: TokenizerAndRendererExtension = {
  name: "mathBlock",
  level: "block",
  // marked passes the text after a paragraph's first character: only a `$$`
  // after a newline starts a line there.
  start(src: string) {
    // Only up to the next blank line, which ends the paragraph anyway:
    // searching the whole rest for every paragraph was quadratic.
    const blank = src.search(/\n[ \t]*\n/);
    const index = (blank === -1 ? src : src.slice(0, blank + 1)).search(
      /\n {0,3}\$\$/,
    );
    return index === -1 ? undefined : index + 1;
  },
  tokenizer(src: string): MathToken | undefined {
    const match = BLOCK.exec(src) ?? BLOCK_LINES.exec(src) ??
      OPEN_BLOCK.exec(src);
    if (!match) return undefined;
    return {
      type: "mathBlock",
      raw: match[0],
      text: match[1].trim(),
      display: true,
    };
  },
  renderer(token) {
    return render(token as MathToken, "div") + "\n";
  },
};

const mathInline: TokenizerAndRendererExtension = {
  name: "mathInline",
  level: "inline",
  start(src: string) {
    const index = src.indexOf("$");
    return index === -1 ? undefined : index;
  },
  tokenizer(src: string): MathToken | undefined {
    const display = INLINE_DISPLAY.exec(src);
    const match = display ?? INLINE.exec(src);
    if (!match) return undefined;
    return {
      type: "mathInline",
      raw: match[0],
      text: match[1].trim(),
      display: !!display,
    };
  },
  renderer(token) {
    return render(token as MathToken, "span");
  },
};

/** The math extensions, block first. */
export const mathExtensions = [mathBlock, mathInline];
