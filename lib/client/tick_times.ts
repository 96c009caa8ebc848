/**
 * Keeps the short times of a chat's messages true while the page stays
 * open: "now" becomes "2 min. ago", then "1 hr. ago", as the server would
 * write them at that moment (`messageTime()`, in the page's language).
 */
import { messageTime } from "@/lib/chats/when.ts";
import type { Lang } from "@/lib/i18n/mod.ts";

const EVERY_MS = 60_000;
const TIMES = ".message-details time[datetime]";

/** Rewrites the short time of every message under `root` as of `now`. */
function refreshTimes(
  root: ParentNode,
  options: { lang: Lang; timeZone?: string; now?: number },
): void {
  const now = options.now ?? Date.now();
  for (const time of root.querySelectorAll<HTMLTimeElement>(TIMES)) {
    const { short } = messageTime(time.dateTime, { ...options, now });
    if (time.textContent !== short) time.textContent = short;
  }
}

/**
 * Refreshes the times under `root` every minute, and at once when the tab
 * is shown again (a hidden tab's timers are slowed); returns a stop
 * function.
 */
export function tickTimes(
  root: ParentNode,
  options: { lang: Lang; timeZone?: string },
): () => void {
  const refresh = () => refreshTimes(root, options);
  const shown = () => {
    if (document.visibilityState === "visible") refresh();
  };
  const timer = setInterval(refresh, EVERY_MS);
  document.addEventListener("visibilitychange", shown);
  return () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", shown);
  };
}
