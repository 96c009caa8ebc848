/**
 * The header's "Copy last response" (components/ChatShell.tsx): shown while
 * the chat shows an answer that has ended, it presses that answer's Copy,
 * and says "Copied" once that copy has happened.
 */
import { markCopied } from "./copied_mark.ts";

/** The answers shown that have ended (finished, cancelled or failed). */
const ENDED =
  "article[data-role=assistant]:not([hidden]):not([data-status=streaming])";

/** The Copy button of the newest ended answer that has one, if any. */
export function lastAnswerCopy(): HTMLElement | undefined {
  const all = document.querySelectorAll<HTMLElement>(
    `${ENDED} [data-action=copy]`,
  );
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
    const shown = !!document.querySelector(ENDED);
    for (const button of buttons()) button.hidden = !shown;
  };
  // Only what decides it is watched (an answer's end, a hidden tail, a new
  // history), not the text a streaming answer adds many times a second.
  const observer = new MutationObserver(() => {
    frame ||= requestAnimationFrame(update);
  });
  const log = document.getElementById("chat-log");
  const history = document.getElementById("chat-history");
  if (log) {
    observer.observe(log, {
      subtree: true,
      attributes: true,
      attributeFilter: ["hidden", "data-status"],
    });
  }
  if (history) observer.observe(history, { childList: true });
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
