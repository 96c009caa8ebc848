/**
 * What rendered markdown gets in the browser: a "Copy code" button on every
 * code block, syntax highlighting of fenced code that names its language, and
 * typeset math. Highlighting and KaTeX are loaded only when a message has
 * such a block, and the work runs in short slices between frames so that a
 * long history never blocks the page.
 */
/** The words of the copy button, in the page's language. */
export interface CopyLabels {
  copyCode: string;
  copied: string;
}

type Job = () => void;
const queue: Job[] = [];
let draining = false;
const SLICE_MS = 8;
const HIGHLIGHT = 'pre > code[class^="language-"]:not([data-highlighted])';
const MATH = ".math:not([data-rendered])";

function schedule(job: Job): void {
  queue.push(job);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
}

function drain(): void {
  const end = performance.now() + SLICE_MS;
  while (queue.length && performance.now() < end) {
    try {
      queue.shift()!();
    } catch (error) {
      console.warn("markdown enhancement failed", error);
    }
  }
  if (queue.length) setTimeout(drain, 0);
  else draining = false;
}

function addCopyButton(block: Element, labels: CopyLabels): void {
  if (block.querySelector(":scope > .code-head")) return;
  // A header names the block's language, as fenced code gave it.
  const head = document.createElement("div");
  head.className = "code-head";
  const lang = document.createElement("span");
  lang.className = "code-lang";
  lang.textContent = /language-([\w+#.-]+)/.exec(
    block.querySelector("code")?.className ?? "",
  )?.[1] ?? "";
  head.append(lang);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-code ghost";
  button.setAttribute("aria-label", labels.copyCode);
  // Like CopyButton: the visible word changes, a status tells screen readers.
  const text = document.createTextNode(labels.copyCode);
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  button.append(text, status);
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener("click", async () => {
    const code = block.querySelector("code")?.textContent ?? "";
    await navigator.clipboard.writeText(code);
    text.data = status.textContent = labels.copied;
    clearTimeout(timer);
    timer = setTimeout(() => {
      text.data = labels.copyCode;
      status.textContent = "";
    }, 2000);
  });
  head.append(button);
  block.prepend(head);
}

function within(node: Element, selector: string): Element[] {
  const found = [...node.querySelectorAll(selector)];
  return node.matches(selector) ? [node, ...found] : found;
}

function failed(error: unknown): void {
  // The text stays readable without highlighting or typesetting.
  console.warn("markdown enhancement could not load", error);
}

/** Enhances freshly rendered nodes (finished blocks or a server-rendered message). */
export function enhance(nodes: Iterable<Node>, labels: CopyLabels): void {
  const elements = [...nodes].filter((n): n is Element => n.nodeType === 1);
  for (const element of elements) {
    for (const block of within(element, ".code-block")) {
      addCopyButton(block, labels);
    }
  }
  const code = elements.flatMap((e) => within(e, HIGHLIGHT));
  if (code.length) {
    import("./highlight.ts").then(({ highlightCode }) => {
      for (const target of code) highlightCode(target, schedule);
    }, failed);
  }
  const math = elements.flatMap((e) => within(e, MATH));
  if (math.length) {
    import("./math_render.ts").then(({ renderMath }) => {
      for (const target of math) schedule(() => renderMath(target));
    }, failed);
  }
}
