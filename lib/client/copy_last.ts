/**
 * The header's "Copy last response" (components/ChatShell.tsx): shown while
 * the chat shows an answer with a Copy button, it presses that button, and
 * says "Copied" once that copy has happened.
 */
import { markCopied } from "./copied_mark.ts";

/** The Copy buttons of the answers shown, the newest last. */
const ANSWER_COPY =
  "article[data-role=assistant]:not([hidden]) [data-action=copy]";

/** The newest answer's Copy button, if the chat shows one. */
export function lastAnswerCopy(): HTMLElement | undefined {
  const all = document.querySelectorAll<HTMLElement>(ANSWER_COPY);
  return all[all.length - 1];
}

/** Keeps the header's button in step with the log; returns the function that stops it. */
export function watchCopyLast(
  labels: { copy: string; copied: string },
): () => void {
  const buttons = () =>
    document.querySelectorAll<HTMLElement>("[data-copy-last]");
  let frame = 0;
  const update = () => {
    frame = 0;
    const shown = !!lastAnswerCopy();
    for (const button of buttons()) button.hidden = !shown;
  };
  // Once a frame at most: a streaming answer changes the log many times.
  const observer = new MutationObserver(() => {
    frame ||= requestAnimationFrame(update);
  });
  const log = document.getElementById("chat-log");
  if (log) {
    observer.observe(log, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["hidden", "data-status"],
    });
  }
  update();

  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>(
      "[data-copy-last]",
    );
    const target = button && lastAnswerCopy();
    if (!button || !target) return;
    // The message's copy runs after its code loads: "Copied" waits for it.
    const done = new MutationObserver(() => {
      if (!target.classList.contains("copied")) return;
      done.disconnect();
      markCopied({ button, ...labels });
    });
    done.observe(target, { attributes: true, attributeFilter: ["class"] });
    setTimeout(() => done.disconnect(), 10_000);
    target.click();
  };
  document.addEventListener("click", onClick);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    document.removeEventListener("click", onClick);
    // Until the next page's shortcuts run, nothing would answer it.
    for (const button of buttons()) button.hidden = true;
  };
}
