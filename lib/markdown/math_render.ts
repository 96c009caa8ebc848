/**
 * Typesets `.math` elements with KaTeX, loaded only for messages with math.
 * Its stylesheet (and the fonts it names) are served from `static/katex/`.
 * KaTeX builds DOM nodes and sets styles through the CSSOM, which a CSP
 * without `'unsafe-inline'` styles still allows.
 */
import katex from "katex";
import { asset } from "$fresh/runtime.ts";

const STYLESHEET = "/katex/katex.min.css";

function addStylesheet(): void {
  if (document.querySelector("link[data-katex]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = asset(STYLESHEET);
  link.setAttribute("data-katex", "");
  document.head.append(link);
}

/** Replaces the TeX source in `element` with its typeset form. */
export function renderMath(element: Element): void {
  if (!element.isConnected || element.hasAttribute("data-rendered")) return;
  addStylesheet();
  const tex = element.textContent ?? "";
  element.setAttribute("data-rendered", "");
  katex.render(tex, element as HTMLElement, {
    displayMode: element.classList.contains("math-display"),
    // A bad formula shows as its source, marked, instead of throwing.
    throwOnError: false,
    // No \href, \url, \includegraphics or \html… commands.
    trust: false,
    strict: "ignore",
    maxSize: 50,
    maxExpand: 500,
  });
}
