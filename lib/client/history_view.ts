/**
 * The server-rendered history in the browser: replacing it with a fresh
 * copy from the server, hiding what a turn superseded, and giving its
 * markdown what the server cannot (Copy code, highlighting, math).
 */
import { carryCopiedMarks } from "./copied_mark.ts";
import { carryFeedbackMarks } from "./feedback_mark.ts";
import { keepingSelection } from "@/lib/markdown/keeping_selection.ts";

/** The element the server renders the history into. */
export const HISTORY_ID = "chat-history";

/** The history's element, if the page has one. */
export function historyElement(): HTMLElement | null {
  return document.getElementById(HISTORY_ID);
}

/**
 * Whether the page shows chat `chatId`: a chat's answer can end after the
 * reader switched to another, and its re-read must not replace that one.
 */
export function showsChat(chatId: string): boolean {
  return historyElement()?.dataset.chat === chatId;
}

/** A body the page rendered from an answer's whole final text (view.ts). */
const COMPLETE_BODY = ".markdown[data-complete]";

/** An answer's markdown body on the page (the reasoning is not markdown). */
function answerBody(messageId: string): Element | null | undefined {
  return document.getElementById(`m-${messageId}`)?.querySelector(
    ".markdown",
  );
}

function completeBody(messageId: string): Element | null | undefined {
  const body = answerBody(messageId);
  return body?.matches(COMPLETE_BODY) ? body : null;
}

/**
 * Resolves once each answer among `ids` whose body the page renders shows
 * its whole text, or after `timeoutMs`: an answer that ends as it begins
 * can be over before its view's code has loaded, and a body kept by the
 * re-read is not drawn again (nor are its Copy code buttons gone meanwhile).
 */
export function answersRendered(
  ids: string[],
  { timeoutMs = 2000 }: { timeoutMs?: number } = {},
): Promise<void> {
  const rendering = () => ids.some((id) => answerBody(id) && !completeBody(id));
  return new Promise((resolve) => {
    if (!rendering()) return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => rendering() || done());
    const timer = setTimeout(done, timeoutMs);
    // Also when an awaited answer leaves the page (a new turn hides it).
    observer.observe(document.getElementById("chat-log") ?? document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-complete"],
    });
  });
}

/**
 * The answers among `ids` whose body on the page may stand in for the
 * server's rendering: one still plain text, or still loading its markdown,
 * is rendered again by the server.
 */
export function keepableAnswers(ids: string[]): string[] {
  return ids.filter((id) => completeBody(id));
}

/**
 * Puts the history HTML of `/chats/:id/history` in place of the page's; the
 * bodies it left empty (`data-keep`) take the page's own rendering of those
 * answers, so a long answer is not parsed and laid out again. False, and
 * nothing changed, when one of those is not on the page.
 */
export function replaceHistory(html: string): boolean {
  const old = historyElement();
  if (!old) return true;
  const template = document.createElement("template");
  template.innerHTML = html;
  const next = template.content.getElementById(HISTORY_ID);
  if (!next) return true;
  const places = [...next.querySelectorAll<HTMLElement>("[data-keep]")];
  const bodies = places.map((place) => completeBody(place.dataset.keep!));
  if (bodies.some((body) => !body)) return false;
  carryCopiedMarks(next);
  carryFeedbackMarks(next);
  carryOpenReasoning(next);
  // The container stays: it keeps the history out of the log's
  // announcements (aria-live="off"), so a re-read is not read out again.
  old.replaceChildren(...next.childNodes);
  // Moved once both are in the page: through the template's document a
  // long body was adopted twice (twice the time). A reader's selection in
  // it is put back.
  keepingSelection(() =>
    places.forEach((place, i) => place.replaceWith(bodies[i]!))
  );
  enhanceHistory(old);
  return true;
}

/**
 * Keeps open the reasoning a reader opened: the server renders it closed,
 * and a re-read often lands just after the reader opened it.
 */
function carryOpenReasoning(next: ParentNode): void {
  for (const open of document.querySelectorAll("details.reasoning[open]")) {
    const id = open.closest("article")?.id;
    const details = id &&
      next.querySelector<HTMLDetailsElement>(
        `#${CSS.escape(id)} details.reasoning`,
      );
    if (details) details.open = true;
  }
}

/** Hides the history's messages from `id` on (null shows them all). */
export function hideHistoryFrom(id: string | null): void {
  const articles = historyElement()?.querySelectorAll("article") ?? [];
  let hiding = false;
  for (const article of articles) {
    if (article.dataset.id === id) hiding = true;
    article.hidden = hiding;
  }
}

/**
 * Adds Copy code, highlighting and math to the history's markdown; its code
 * loads after the page, which reads fine without it.
 */
export function enhanceHistory(
  root: HTMLElement | null = historyElement(),
): void {
  const t = labels();
  if (!root || !t) return;
  const blocks = root.querySelectorAll(".markdown");
  if (!blocks.length) return;
  import("@/lib/markdown/enhance.ts").then(
    ({ enhance }) => enhance(blocks, t),
    () => {/* offline: the text reads fine as it is */},
  );
}

function labels() {
  const log = document.querySelector<HTMLElement>("[data-copy-code]");
  return log
    ? { copyCode: log.dataset.copyCode!, copied: log.dataset.copied! }
    : null;
}
