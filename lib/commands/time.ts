/** The text of `!waktu`. */
import { type Lang, t } from "@/lib/i18n/mod.ts";
import {
  DEFAULT_TIME_ZONE,
  isTimeZone,
  resolveTimeZone,
} from "@/lib/time_zone.ts";
import { localeOf } from "./format.ts";

/**
 * The date and time of `now` in `timeZone`, named by its abbreviation and
 * IANA name, e.g. "Selasa, 24 November 2026 11.49.03 WIB (Asia/Jakarta)".
 * An unknown `timeZone` falls back to `defaultTimeZone` (then UTC), and the
 * text says so.
 */
export function timeText(
  now: Date,
  timeZone: string,
  lang: Lang,
  defaultTimeZone = DEFAULT_TIME_ZONE,
): string {
  const zone = resolveTimeZone(timeZone, defaultTimeZone);
  const locale = localeOf(lang);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(now);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(now);
  // "UTC (UTC)" says it twice: the zone's name only where it adds to the
  // abbreviation.
  const named = time.endsWith(` ${zone}`) ? "" : ` (${zone})`;
  const text = t(lang, "cmd.time.now", {
    datetime: `${date} ${time}${named}`,
  });
  if (isTimeZone(timeZone)) return text;
  return `${text}\n\n${
    t(lang, "cmd.time.fallback", {
      zone: String(timeZone).slice(0, 60),
      fallback: zone,
    })
  }`;
}
