/** A message's time as a chat shows it: short and relative, with the full date for a tooltip. */
import type { Lang } from "@/lib/i18n/mod.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Making a formatter costs far more than using one: a page shows hundreds.
const formatters = new Map<string, Intl.DateTimeFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

/** A cached date formatter; null for a time zone the runtime does not know. */
function dates(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat | null {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      return null;
    }
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** The short text ("just now", "5 min. ago", "3 Jan") and the full date of `iso` seen at `now`. */
export function messageTime(
  iso: string,
  options: { lang: Lang; now: number; timeZone?: string },
): { short: string; full: string } {
  const locale = options.lang === "id" ? "id-ID" : "en-GB";
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return { short: iso, full: iso };
  // An unknown zone: the runtime's own.
  const zone = dates(locale, { timeZone: options.timeZone })
    ? options.timeZone
    : undefined;
  const full = dates(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: zone,
  })!.format(when);
  const ago = Math.max(0, options.now - when);
  let relative = relatives.get(locale);
  if (!relative) {
    relative = new Intl.RelativeTimeFormat(locale, {
      numeric: "auto",
      style: "short",
    });
    relatives.set(locale, relative);
  }
  const short = ago < MINUTE
    ? relative.format(0, "second")
    : ago < HOUR
    ? relative.format(-Math.floor(ago / MINUTE), "minute")
    : ago < DAY
    ? relative.format(-Math.floor(ago / HOUR), "hour")
    : dates(locale, {
      day: "numeric",
      month: "short",
      ...(ago > 300 * DAY ? { year: "numeric" } : {}),
      timeZone: zone,
    })!.format(when);
  return { short, full };
}

const numbers = new Map<string, Intl.NumberFormat>();

/** A cached number formatter of `locale` (plain, or US dollars). */
export function numberFormat(
  locale: string,
  kind: "plain" | "usd",
): Intl.NumberFormat {
  const key = `${locale} ${kind}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      kind === "usd"
        ? { style: "currency", currency: "USD", maximumSignificantDigits: 3 }
        : {},
    );
    numbers.set(key, format);
  }
  return format;
}
