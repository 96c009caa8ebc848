/**
 * Runs the markdown engine over a little of each kind of block while the
 * page is idle. V8 compiles marked's functions and regular expressions on
 * their first use: without this, that work (about 50 ms in one task on a
 * slow machine) lands in the first update of the page's first answer.
 */
import { whenIdle } from "@/lib/client/when_idle.ts";
import { loadMarkdownEngine } from "./engine.ts";

/** One kind of block per idle task, so that no task is long. */
const SAMPLES = [
  "Teks **tebal**, *miring*, ~~coret~~, `kode` dan [tautan](https://a.id).",
  "# Judul\n\n## Subjudul\n\nParagraf\nbaris kedua",
  "- satu\n- dua\n  1. tiga\n  2. empat\n- [x] lima",
  "> kutipan *miring*\n>\n> lagi",
  "| a | b |\n| :- | -: |\n| 1 | `2` |",
  "```js\nconst x = 1;\n```\n\n    indentasi",
  "Rumus $x^2$ dan\n\n$$\ny = 2\n$$\n\n---",
];

let started = false;

/** Loads the engine and warms it up, one sample per idle moment, once a page. */
export function warmUpMarkdown(): void {
  // Switching chats mounts the chat view again; the engine stays warm.
  if (started) return;
  started = true;
  const idle = (run: () => void) =>
    whenIdle(run, { timeoutMs: 2_000, fallbackMs: 50 });
  idle(() => {
    loadMarkdownEngine().then((engine) => {
      const next = (i: number) => {
        if (i >= SAMPLES.length) return;
        engine.render(engine.lex(SAMPLES[i]));
        idle(() => next(i + 1));
      };
      idle(() => next(0));
    }, () => {/* offline: the first answer loads it again */});
  });
}
