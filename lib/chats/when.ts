/** A message's time as a chat shows it: short and relative, with the full date for a tooltip. */
import type { Lang } from "@/lib/i18n/mod.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The short text ("just now", "5 min. ago", "3 Jan") and the full date of `iso` seen at `now`. */
export function messageTime(
  iso: string,
  options: { lang: Lang; now: number; timeZone?: string },
): { short: string; full: string } {
  const locale = options.lang === "id" ? "id-ID" : "en-GB";
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return { short: iso, full: iso };
  let zone = options.timeZone;
  try {
    new Intl.DateTimeFormat(locale, { timeZone: zone });
  } catch {
    zone = undefined; // an unknown zone: the runtime's own
  }
  const full = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: zone,
  }).format(when);
  const ago = Math.max(0, options.now - when);
  const relative = new Intl.RelativeTimeFormat(locale, {
    numeric: "auto",
    style: "short",
  });
  const short = ago < MINUTE
    ? relative.format(0, "second")
    : ago < HOUR
    ? relative.format(-Math.floor(ago / MINUTE), "minute")
    : ago < DAY
    ? relative.format(-Math.floor(ago / HOUR), "hour")
    : new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      ...(ago > 300 * DAY ? { year: "numeric" } : {}),
      timeZone: zone,
    }).format(when);
  return { short, full };
}
