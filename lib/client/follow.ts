/**
 * Following a growing conversation: the log stays at its newest text while
 * the reader is at the bottom, stops when they scroll up, and says so, so
 * that a "Jump to latest" button can bring them back.
 */

/** How close to the bottom still counts as at the bottom, in pixels. */
const SLACK_PX = 48;

/** Whether `el` is scrolled to (about) its end. */
export function atBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
}

/** Follows `log`'s growth; `onChange(following)` when that changes. Returns a stop function. */
export function followLog(
  log: HTMLElement,
  onChange: (following: boolean) => void,
): { stop: () => void; jump: () => void } {
  let following = true;
  let frame = 0;
  const set = (next: boolean) => {
    if (next !== following) onChange(following = next);
  };
  const toEnd = () => {
    log.scrollTop = log.scrollHeight;
  };
  // Only the reader's scrolling up stops the following (growth between a
  // scroll and its event must not); reaching the end starts it again.
  let lastTop = log.scrollTop;
  const onScroll = () => {
    const top = log.scrollTop;
    if (atBottom(log)) set(true);
    else if (top < lastTop - 1) set(false);
    lastTop = top;
  };
  const onGrow = () => {
    if (!following || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (following) toEnd();
    });
  };
  const observer = new MutationObserver(onGrow);
  observer.observe(log, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  const resize = new ResizeObserver(onGrow);
  resize.observe(log);
  log.addEventListener("scroll", onScroll, { passive: true });
  toEnd();
  return {
    stop: () => {
      observer.disconnect();
      resize.disconnect();
      log.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    },
    jump: () => {
      toEnd();
      set(true);
    },
  };
}
