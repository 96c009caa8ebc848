/**
 * The browser's time zone reaches the server in a cookie that the chat page
 * sets, so `!waktu` and exports can use it; the server only trusts a valid
 * IANA name.
 */

import { isTimeZone } from "@/lib/time_zone.ts";

/** The cookie that carries the browser's IANA time zone. */
export const TZ_COOKIE = "tz";

/** The cookie's `value` if it names a time zone this runtime knows, else undefined. */
export function timeZoneOf(value: string | undefined): string | undefined {
  if (!value || value.length > 64 || !/^[\w+\-/]+$/.test(value)) {
    return undefined;
  }
  return isTimeZone(value) ? value : undefined;
}
