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
  // Only the reader stops the following: a scroll up soon after their own
  // wheel, touch, key or pointer. A jump the page made itself (text that was
  // re-rendered and shrank for a moment) is undone while following.
  let lastTop = log.scrollTop;
  let userAt = -Infinity;
  const byUser = () => userAt = performance.now();
  const inputs = ["wheel", "touchmove", "keydown", "pointerdown"] as const;
  const onScroll = () => {
    const top = log.scrollTop;
    if (atBottom(log)) set(true);
    else if (top < lastTop && performance.now() - userAt < 1000) set(false);
    else if (following) onGrow();
    lastTop = top;
  };
  const onGrow = () => {
    if (!following || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (following) toEnd();
    });
  };
  // Growth shows as a new size of the log's content, once per frame after
  // layout and before paint: cheaper than watching every DOM change.
  const resize = new ResizeObserver(() => {
    if (following) toEnd();
  });
  resize.observe(log);
  if (log.firstElementChild) resize.observe(log.firstElementChild);
  log.addEventListener("scroll", onScroll, { passive: true });
  for (const type of inputs) {
    log.addEventListener(type, byUser, { passive: true });
  }
  toEnd();
  return {
    stop: () => {
      resize.disconnect();
      log.removeEventListener("scroll", onScroll);
      for (const type of inputs) log.removeEventListener(type, byUser);
      cancelAnimationFrame(frame);
    },
    jump: () => {
      toEnd();
      set(true);
    },
  };
}
