/**
 * Where the markdown engine comes from. The browser loads it with a dynamic
 * `import()` when a message first needs it, so marked is not part of a page's
 * first load; the server loads it before it renders any page, because
 * history is rendered synchronously there.
 */
import { IS_BROWSER } from "$fresh/runtime.ts";
import { renderChunks } from "./chunks.ts";
import { escapeHtml } from "./html.ts";
import type { MarkdownEngine } from "./render.ts";

let engine: MarkdownEngine | undefined;
let loading: Promise<MarkdownEngine> | undefined;

/** Loads the engine once; later calls share the same promise. */
export function loadMarkdownEngine(): Promise<MarkdownEngine> {
  loading ??= import("./render.ts").then((module) =>
    engine = module.markdownEngine()
  );
  return loading;
}

/** The engine if it has loaded (always on the server), else undefined. */
export function loadedMarkdownEngine(): MarkdownEngine | undefined {
  return engine;
}

/**
 * Finished answers never change, so the server keeps their HTML: reloading
 * a long chat then renders no markdown again. Bounded in count and in the
 * size of what it keeps; the oldest entry goes first.
 */
const cache = new Map<string, string>();
const CACHE_ENTRIES = 2000;
const CACHE_TEXT_LIMIT = 64 * 1024;

/**
 * Renders `text` with the loaded engine (plain escaped text if there is
 * none); `final` text may be served from, and kept in, the cache.
 */
export function renderLoaded(text: string, final = false): string {
  if (!engine) return `<p class="md-raw">${escapeHtml(text)}</p>`;
  const cacheable = final && !IS_BROWSER && text.length <= CACHE_TEXT_LIMIT;
  const hit = cacheable ? cache.get(text) : undefined;
  if (hit !== undefined) return hit;
  const html = renderChunks(engine, text);
  if (cacheable) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(text, html);
  }
  return html;
}

if (!IS_BROWSER) await loadMarkdownEngine();
