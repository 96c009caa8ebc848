/** IANA time zones: the one check of a zone's name, and its fallback. */
import { DEFAULT_TIME_ZONE } from "./defaults.ts";

export { DEFAULT_TIME_ZONE };

/** Zones already found valid; there are a few hundred at most. */
const known = new Set<string>();

/** Whether `value` names an IANA time zone this runtime knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value === "") return false;
  if (known.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
  } catch {
    return false;
  }
  known.add(value);
  return true;
}

/** `timeZone` when valid, else `fallback` when valid, else UTC. */
export function resolveTimeZone(timeZone: unknown, fallback: unknown): string {
  if (isTimeZone(timeZone)) return timeZone;
  return isTimeZone(fallback) ? fallback : "UTC";
}
