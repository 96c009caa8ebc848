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

/** Renders `text` with the loaded engine (plain escaped text if there is none). */
export function renderLoaded(text: string): string {
  if (!engine) return `<p class="md-raw">${escapeHtml(text)}</p>`;
  return renderChunks(engine, text);
}

if (!IS_BROWSER) await loadMarkdownEngine();
