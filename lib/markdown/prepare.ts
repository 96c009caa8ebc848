/**
 * Renders a page's message texts before the page, off its synchronous
 * render: a long text is rendered piece by piece with other requests served
 * in between. Finished texts are kept per owner, so reloading a long chat
 * renders nothing again, and one owner can never tell by a page's speed
 * which texts another owner has viewed.
 */
import { renderChunksAsync } from "./chunks.ts";
import { loadMarkdownEngine } from "./engine.ts";

/** What `prepareMarkdown` renders. */
export interface PrepareOptions {
  /** Whose page it is: the cache is never shared across owners. */
  owner: string;
  /** The texts that will not change any more (they may be cached). */
  final: Iterable<string>;
  /** Texts still growing (streaming answers): rendered, not cached. */
  growing?: Iterable<string>;
  /** Renders one text (tests count the renders). */
  render?: (text: string) => Promise<string>;
}

// About 32 MB of UTF-16: the size of cached texts and HTML, oldest first out.
const CACHE_CHARS = 16 * 1024 * 1024;
const cache = new Map<string, string>();
let cachedChars = 0;

/** The HTML of every text of `options`, by text. */
export async function prepareMarkdown(
  options: PrepareOptions,
): Promise<Map<string, string>> {
  const engine = await loadMarkdownEngine();
  const render = options.render ??
    ((text: string) => renderChunksAsync(engine, text));
  const prepared = new Map<string, string>();
  for (const text of options.growing ?? []) {
    if (!prepared.has(text)) {
      prepared.set(text, await render(text));
    }
  }
  for (const text of options.final) {
    if (prepared.has(text)) continue;
    const key = `${options.owner}\u0000${text}`;
    let html = cache.get(key);
    if (html === undefined) {
      html = await render(text);
      remember(key, html);
    } else {
      // Most recently used last, so the oldest goes first.
      cache.delete(key);
      cache.set(key, html);
    }
    prepared.set(text, html);
  }
  return prepared;
}

function remember(key: string, html: string): void {
  const size = key.length + html.length;
  if (size > CACHE_CHARS / 4) return;
  cache.set(key, html);
  cachedChars += size;
  for (const [oldKey, oldHtml] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldKey.length + oldHtml.length;
  }
}
