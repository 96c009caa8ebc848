/**
 * The body of one message in the browser. A server-rendered body is kept as
 * it is. A streamed one is rendered incrementally: finished blocks are
 * appended once, to chunks (see `chunks.ts`) before a tail element that holds
 * the unfinished last block and is updated on every update (appended to when
 * only text grew); a block that finishes as the tail shows it moves to its
 * chunk. Until the markdown engine has loaded
 * (dynamic import on first need) the text shows as plain text.
 */
import { CHUNK_BLOCKS } from "./chunks.ts";
import { type CopyLabels, enhance } from "./enhance.ts";
import { loadedMarkdownEngine, loadMarkdownEngine } from "./engine.ts";
import { IncrementalMarkdown } from "./incremental.ts";
import { tailAppend, textBeforeClosing } from "./tail_append.ts";
import { keepingSelection } from "./keeping_selection.ts";

/** Renders one message's text into `root`, following its updates. */
export class MarkdownView {
  /** The latest text and whether it is complete. */
  #text: string | undefined;
  #final = false;
  /** The text that `root` shows as markdown (server-rendered or ours). */
  #shown: string | undefined;
  #incremental: IncrementalMarkdown | undefined;
  #tail: HTMLElement | undefined;
  /** What the tail shows; null once finished blocks were moved out of it. */
  #tailHtml: string | null = "";
  #chunk: HTMLElement | undefined;
  #disposed = false;
  #loading = false;

  constructor(readonly root: HTMLElement, readonly labels: CopyLabels) {}

  /** Shows `text`; `final` once the message will not grow any more. */
  show(text: string, final: boolean): void {
    if (this.#disposed || (text === this.#text && final === this.#final)) {
      return;
    }
    const first = this.#text === undefined;
    this.#text = text;
    this.#final = final;
    if (first && this.root.hasChildNodes()) {
      // Hydrated: the server rendered exactly this text.
      this.#shown = text;
      enhance(this.root.childNodes, this.labels);
      if (final) this.#markComplete();
      return;
    }
    if (loadedMarkdownEngine()) return this.#render();
    // A server-rendered partial answer beats plain text while loading.
    if (this.#shown === undefined) this.#plain(text);
    if (this.#loading) return;
    this.#loading = true;
    loadMarkdownEngine().then(
      () => this.#render(),
      () => this.#plain(this.#text ?? ""),
    );
  }

  /** Stops following updates (the message left the page). */
  dispose(): void {
    this.#disposed = true;
  }

  #plain(text: string): void {
    if (this.#disposed) return;
    this.#startOver().className = "md-tail md-plain";
    this.#tail!.textContent = text;
  }

  /**
   * Tells the page that `root` shows the whole final text as markdown: only
   * such a body may stand in for the server's rendering (history_view.ts).
   */
  #markComplete(): void {
    this.root.dataset.complete = "";
  }

  /** Empties `root` but for a fresh tail element. */
  #startOver(): HTMLElement {
    delete this.root.dataset.complete;
    const tail = document.createElement("div");
    tail.className = "md-tail";
    this.root.replaceChildren(tail);
    this.#tail = tail;
    this.#tailHtml = "";
    this.#incremental = undefined;
    this.#shown = undefined;
    this.#chunk = undefined;
    return tail;
  }

  #render(): void {
    const engine = loadedMarkdownEngine();
    const text = this.#text;
    if (this.#disposed || !engine || text === undefined) return;
    if (this.#final && !this.#incremental && text === this.#shown) {
      return this.#markComplete();
    }
    let incremental = this.#incremental;
    // Answers only grow; a text that does not (checked when it completes,
    // to keep updates cheap) is rendered from scratch.
    if (
      !incremental || text.length < (this.#shown ?? "").length ||
      (this.#final &&
        !text.startsWith(this.#shown!.slice(0, incremental.offset)))
    ) {
      this.#startOver();
      incremental = this.#incremental = new IncrementalMarkdown(engine);
    }
    const tail = this.#tail!;
    const update = incremental.update(text);
    this.#insert(update.finished);
    this.#shown = text;
    if (this.#final) {
      this.#insert(incremental.finish(text));
      tail.remove();
      this.#tail = this.#incremental = undefined;
      this.#markComplete();
    } else if (update.tail !== this.#tailHtml) {
      const append = this.#tailHtml !== null &&
        tailAppend(this.#tailHtml, update.tail);
      const last = append && textBeforeClosing(tail, append.closing);
      if (last) last.after(append.text);
      else tail.innerHTML = update.tail;
      this.#tailHtml = update.tail;
    }
  }

  /**
   * Appends finished blocks to the chunks before the tail; enhances them.
   * A block the tail already shows as it is moves there, so that a reader's
   * selection in it (or a find-in-page match) survives its completion.
   */
  #insert(html: string): void {
    if (!html) return;
    const tail = this.#tail!;
    let chunk = this.#chunk;
    if (!chunk || chunk.childElementCount >= CHUNK_BLOCKS) {
      chunk = this.#chunk = document.createElement("div");
      chunk.className = "md-chunk";
      tail.before(chunk);
    }
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    const added = [...parsed.content.childNodes];
    const shown = [...tail.children];
    let moved = 0;
    for (const [i, node] of added.entries()) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const same = shown[moved];
      if (same?.outerHTML !== (node as Element).outerHTML) break;
      added[i] = same;
      moved++;
    }
    if (moved) this.#tailHtml = null;
    keepingSelection(() => chunk.append(...added));
    enhance(added, this.labels);
  }
}
