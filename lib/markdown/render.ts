/**
 * Markdown to safe HTML with marked (GFM). Safe by construction: this
 * renderer writes every tag itself and escapes all text, so raw HTML in the
 * source shows as text; links only keep http(s), mailto and relative targets;
 * images become plain links (nothing loads while a message renders).
 *
 * The browser loads this module on demand (see `engine.ts`); the server has
 * it from the start.
 */
import { Lexer, Marked, Renderer, type Token, type Tokens } from "marked";
import { escapeHtml, escapeText } from "./html.ts";
import { BLOCK_BUDGET, inlineCost, TEXT_BUDGET } from "./inline_budget.ts";
import { mathExtensions } from "./math.ts";
import { safeUrl } from "./safe_url.ts";

/** What the streaming renderer needs: block tokens and their HTML. */
export interface MarkdownEngine {
  /** The top-level block tokens of `src`. */
  lex(src: string, options?: LexOptions): Token[];
  /** The HTML of block tokens (of one `lex` call, in order). */
  render(tokens: Token[]): string;
}

/** Options of `MarkdownEngine.lex`. */
export interface LexOptions {
  /** A smaller `BLOCK_BUDGET`, for text that is rendered again and again. */
  blockBudget?: number;
}

// A fence's info string names the language; anything stranger is ignored.
const LANGUAGE = /^[\w#+.-]{1,32}$/;
const LINK_ATTRS = ' target="_blank" rel="noopener noreferrer"';
// marked can throw on odd input (18.2.1 does on "* a\n[x]\n  > 2. b\n`");
// an answer must still show, so such text shows as escaped plain text.
const FALLBACK = "mdFallback";

function plain(text: string): string {
  return `<p class="md-raw">${escapeHtml(text.trimEnd())}</p>\n`;
}

function anchor(href: string, title: string | null | undefined, body: string) {
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
  return `<a href="${escapeHtml(href)}"${titleAttr}${LINK_ATTRS}>${body}</a>`;
}

function createMarked(): Marked {
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  marked.use({
    extensions: [
      ...mathExtensions,
      { name: FALLBACK, renderer: (token) => plain(token.raw) },
    ],
    tokenizer: {
      // No reference definitions: with them, a link's target could come from
      // a line written much later, so a finished block would change after it
      // was shown. `[x]: url` lines stay text.
      def: () => undefined,
      // A setext underline must not turn lines holding a `$$` math block into
      // one heading: the math block already ended the paragraph above it.
      lheading(src: string) {
        const match = this.rules.block.lheading.exec(src);
        return match && /\n {0,3}\$\$/.test(match[0]) ? undefined : false;
      },
    },
    renderer: {
      // Raw HTML, block or inline, is shown as the text it is.
      html({ text, block }: Tokens.HTML | Tokens.Tag) {
        return block ? plain(text) : escapeHtml(text);
      },
      // marked leaves text after an inline `<pre>`/`<script>` unescaped
      // ("raw block"); here every text is escaped.
      text(token: Tokens.Text | Tokens.Escape) {
        if ("tokens" in token && token.tokens) {
          return this.parser.parseInline(token.tokens);
        }
        return escapeText(token.text);
      },
      code({ text, lang }: Tokens.Code) {
        const name = (lang ?? "").trim().split(/\s/)[0].toLowerCase();
        const attr = LANGUAGE.test(name)
          ? ` class="language-${escapeHtml(name)}"`
          : "";
        const body = text ? text.replace(/\n$/, "") + "\n" : "";
        return `<div class="code-block"><pre><code${attr}>${
          escapeHtml(body)
        }</code></pre></div>\n`;
      },
      link({ href, title, text, tokens, autolink }: Tokens.Link) {
        const body = autolink
          ? escapeHtml(text)
          : this.parser.parseInline(tokens);
        const url = safeUrl(href);
        return url === null ? body : anchor(url, title, body);
      },
      // An image is a link to it: no request, no active element on render.
      image({ href, title, text, tokens }: Tokens.Image) {
        const alt = tokens
          ? this.parser.parseInline(tokens, this.parser.textRenderer)
          : text;
        const label = escapeHtml(alt || href);
        const url = safeUrl(href);
        if (url === null) return label;
        return anchor(
          url,
          title,
          `<span class="md-image-mark" aria-hidden="true">🖼</span>${label}`,
        ).replace("<a ", '<a class="md-image" ');
      },
      // Task list items: a mark, not a (disabled) form control.
      checkbox({ checked }: Tokens.Checkbox) {
        return `<span class="md-task">${checked ? "☑" : "☐"}</span> `;
      },
      // Wide tables scroll inside their own box.
      table(token: Tokens.Table) {
        const table = Renderer.prototype.table.call(this, token);
        return `<div class="table-wrap">${table.trimEnd()}</div>\n`;
      },
    },
  });
  return marked;
}

/** A line that opens 16 quotes or lists at once (no person writes that). */
const DEEP_NESTING =
  /^(?:[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+)){16}/m;

/**
 * `marked.lexer(src)` with the inline step of each block run only while its
 * cost stays within budget; the rest of the steps are those of marked's own
 * `Lexer.lex` (18.x).
 */
function guardedLex(
  marked: Marked,
  src: string,
  blockBudget = BLOCK_BUDGET,
): Token[] {
  const lexer = new Lexer(marked.defaults);
  lexer.blockTokens(src.replace(/\r\n?/g, "\n"), lexer.tokens);
  let spent = 0;
  for (const { src: inline, tokens } of lexer.inlineQueue) {
    const cost = inlineCost(inline);
    if (cost > blockBudget || spent + cost > TEXT_BUDGET) {
      tokens.push({ type: "text", raw: inline, text: inline });
      continue;
    }
    spent += cost;
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(inline, tokens);
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}

let shared: Marked | undefined;

/** The engine: one configured marked instance, shared. */
export function markdownEngine(): MarkdownEngine {
  const marked = shared ??= createMarked();
  return {
    lex(src, options = {}) {
      // Nesting costs marked more than linear time: such text stays plain.
      if (DEEP_NESTING.test(src)) return [{ type: FALLBACK, raw: src }];
      try {
        return guardedLex(marked, src, options.blockBudget);
      } catch {
        return [{ type: FALLBACK, raw: src }];
      }
    },
    render(tokens) {
      try {
        return marked.parser(tokens);
      } catch {
        return plain(tokens.map((token) => token.raw).join(""));
      }
    },
  };
}
