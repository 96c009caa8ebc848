/**
 * Like and Dislike as pressed on this page. The choice belongs to the
 * message, not to the buttons: the history the server re-reads after an
 * answer may have been rendered before the choice was saved, and its buttons
 * take the choice over (history_view.ts).
 */
import type { Feedback } from "@/lib/chats/types.ts";

const FEEDBACK_BUTTONS = "button[data-action=feedback]";

/** The latest choice made on this page, by message id. */
const chosen = new Map<string, Feedback>();

/** Shows `value` on the Like and Dislike buttons under `root`. */
function press(root: ParentNode, value: Feedback): void {
  for (const button of root.querySelectorAll<HTMLElement>(FEEDBACK_BUTTONS)) {
    button.setAttribute(
      "aria-pressed",
      String(button.dataset.feedback === value),
    );
  }
}

/** Shows and remembers `value` as message `id`'s feedback. */
export function markFeedback(id: string, value: Feedback): void {
  chosen.set(id, value);
  // While the history is replaced, the message may be on the page twice.
  for (const article of document.querySelectorAll(`#m-${CSS.escape(id)}`)) {
    press(article, value);
  }
}

/** Gives the messages in `next` the feedback chosen for them on this page. */
export function carryFeedbackMarks(next: ParentNode): void {
  for (const [id, value] of chosen) {
    const article = next.querySelector(`#m-${CSS.escape(id)}`);
    if (article) press(article, value);
  }
}
