/**
 * "Copied" on a message's Copy button for a moment. The mark belongs to the
 * message, not to the element: an answer that has just ended is replaced by
 * the server's rendering (history_view.ts), often while its mark is shown,
 * and the new button takes the mark over.
 */
const COPY_BUTTON = "[data-action=copy]";
const SHOWN_MS = 2000;

function statusOf(button: Element): Element | null {
  return button.querySelector("[role=status]");
}

/** The Copy button of message `id` on the page now. */
function copyButtonOf(id: string): HTMLElement | null | undefined {
  return document.getElementById(`m-${id}`)?.querySelector(COPY_BUTTON);
}

function show(button: Element, copied: string): void {
  const status = statusOf(button);
  if (status) status.textContent = copied;
  button.setAttribute("title", copied);
  button.classList.add("copied");
}

/**
 * Shows "Copied" on `button` (of message `id`, if it is one), and its own
 * label again after.
 */
export function markCopied(
  options: { button: HTMLElement; id?: string; copy: string; copied: string },
): void {
  // The copy took a moment: the button may have been replaced meanwhile.
  const current = () =>
    (options.id && copyButtonOf(options.id)) || options.button;
  show(current(), options.copied);
  setTimeout(() => {
    const button = current();
    const status = statusOf(button);
    if (status) status.textContent = "";
    button.title = options.copy;
    button.classList.remove("copied");
  }, SHOWN_MS);
}

/** Gives the Copy buttons in `next` the marks their messages show on the page. */
export function carryCopiedMarks(next: ParentNode): void {
  for (const old of document.querySelectorAll(`${COPY_BUTTON}.copied`)) {
    const id = old.closest("article")?.id;
    const button = id &&
      next.querySelector(`#${CSS.escape(id)} ${COPY_BUTTON}`);
    if (button) show(button, old.getAttribute("title") ?? "");
  }
}
