import { assertEquals } from "@/tests/assert.ts";
import { timeText } from "./time.ts";

const now = new Date("2026-11-24T04:49:03Z");

Deno.test("timeText() gives the date and time in the zone, named, in Indonesian", () => {
  assertEquals(
    timeText(now, "Asia/Jakarta", "id"),
    "Waktu sekarang: **Selasa, 24 November 2026 11.49.03 WIB (Asia/Jakarta)**",
  );
  assertEquals(
    timeText(now, "Asia/Makassar", "id"),
    "Waktu sekarang: **Selasa, 24 November 2026 12.49.03 WITA (Asia/Makassar)**",
  );
});

Deno.test("timeText() uses the British English format for en", () => {
  assertEquals(
    timeText(now, "Europe/London", "en"),
    "Current time: **Tuesday, 24 November 2026 04:49:03 GMT (Europe/London)**",
  );
});

Deno.test("timeText() falls back to the default zone for an unknown one, and says so", () => {
  assertEquals(
    timeText(now, "Mars/Olympus", "en", "Asia/Jayapura"),
    "Current time: **Tuesday, 24 November 2026 13:49:03 GMT+9 (Asia/Jayapura)**\n\n" +
      "The time zone “Mars/Olympus” is not known, so Asia/Jayapura is used.",
  );
});

Deno.test("timeText() names UTC once, not as “UTC (UTC)”", () => {
  assertEquals(
    timeText(now, "UTC", "en"),
    "Current time: **Tuesday, 24 November 2026 04:49:03 UTC**",
  );
});
