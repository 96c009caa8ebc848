/**
 * For tests: a whole markdown text rendered in one pass, the reference that
 * chunked and incremental rendering must match.
 */
import { markdownEngine } from "./render.ts";

/** Renders a whole markdown text to safe HTML in one pass. */
export function renderMarkdown(src: string): string {
  const engine = markdownEngine();
  return engine.render(engine.lex(src));
}
