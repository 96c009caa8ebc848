/**
 * Wall-clock times in an IANA zone: the `YYYY-MM-DD HH:MM:SS` stamps of the
 * TXT and Markdown formats (one formatter for both) and their way back to an
 * instant, plus ISO 8601 strings with the zone's offset.
 */

/** A wall-clock time; `month` is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of instant `ms` in `timeZone` (seconds truncated). */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function wallAsUtc(wall: WallTime): number {
  const ms = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  // Date.UTC maps years 0-99 to 1900-1999.
  return wall.year >= 0 && wall.year < 100
    ? new Date(ms).setUTCFullYear(wall.year)
    : ms;
}

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
export function zoneOffset(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(wallTime(whole, timeZone)) - whole;
}

/**
 * The instant at which the clock in `timeZone` shows `wall`. Inside a DST
 * overlap this is one of the two; inside a gap, a time an hour off. Either way
 * formatting it again in the same zone gives the same stamp, which the
 * round trip of the text formats relies on.
 */
export function wallToInstant(wall: WallTime, timeZone: string): number {
  const guess = wallAsUtc(wall);
  const first = guess - zoneOffset(guess, timeZone);
  const second = guess - zoneOffset(first, timeZone);
  return second;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYY-MM-DD HH:MM:SS` of instant `ms` (or an ISO string) in `timeZone`. */
export function formatStamp(when: number | string, timeZone: string): string {
  const ms = typeof when === "number" ? when : Date.parse(when);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${when}`);
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${
    pad(w.minute)
  }:${pad(w.second)}`;
}

/**
 * ISO 8601 of instant `ms` with the zone's offset, e.g.
 * `2024-05-01T10:20:30+07:00`; milliseconds only when not zero. Offsets with
 * seconds (old local mean times) cannot be written in ISO, so those use `Z`.
 */
export function isoInZone(ms: number, timeZone: string): string {
  const offset = zoneOffset(ms, timeZone);
  if (offset % 60_000 !== 0) return new Date(ms).toISOString();
  const w = wallTime(ms, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  const minutes = Math.abs(offset / 60_000);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${
    pad(w.minute)
  }:${pad(w.second)}${millis ? `.${pad(millis, 3)}` : ""}${
    offset < 0 ? "-" : "+"
  }${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const LOCAL_STAMP =
  /^(?:(\d{4})-(\d{1,2})-(\d{1,2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const ABSOLUTE_STAMP = /^\d{4}-\d{2}-\d{2}T[\d:.,]+(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a time stamp: ISO 8601 with `Z` or an offset is absolute; a local
 * `YYYY-MM-DD HH:MM[:SS]` is read in `timeZone`; a time-only `HH:MM[:SS]`
 * takes the date of `now` in `timeZone`. Returns epoch milliseconds, or
 * `undefined` when the text is no real date and time.
 */
export function parseStamp(
  text: string,
  timeZone: string,
  now: Date,
): number | undefined {
  const trimmed = text.trim();
  if (ABSOLUTE_STAMP.test(trimmed)) {
    const ms = Date.parse(trimmed.replace(",", "."));
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = LOCAL_STAMP.exec(trimmed);
  if (!m) return undefined;
  const today = wallTime(now.getTime(), timeZone);
  const wall: WallTime = {
    year: m[1] ? Number(m[1]) : today.year,
    month: m[2] ? Number(m[2]) : today.month,
    day: m[3] ? Number(m[3]) : today.day,
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
  };
  if (!isRealWallTime(wall)) return undefined;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  return wallToInstant(wall, timeZone) + millis;
}

function isRealWallTime(w: WallTime): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(2000, w.month, 0)).getUTCDate();
  const leap = w.year % 4 === 0 && (w.year % 100 !== 0 || w.year % 400 === 0);
  return w.day <= (w.month === 2 && !leap ? 28 : daysInMonth);
}
