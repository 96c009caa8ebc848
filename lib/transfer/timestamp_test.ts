import { assertEquals } from "@/tests/assert.ts";
import { formatStamp, isoInZone, parseStamp } from "./timestamp.ts";

const now = new Date("2026-11-24T04:49:03Z");

Deno.test("formatStamp() writes the wall-clock time of the zone, seconds truncated", () => {
  assertEquals(
    formatStamp("2024-05-01T03:20:30.999Z", "Asia/Jakarta"),
    "2024-05-01 10:20:30",
  );
  assertEquals(
    formatStamp(Date.UTC(2024, 0, 1, 0, 0, 0), "UTC"),
    "2024-01-01 00:00:00",
  );
  assertEquals(
    formatStamp("2024-05-01T00:20:30+07:00", "America/New_York"),
    "2024-04-30 13:20:30",
  );
});

Deno.test("isoInZone() writes the zone's offset, with milliseconds only when present", () => {
  const ms = Date.UTC(2024, 4, 1, 3, 20, 30);
  assertEquals(isoInZone(ms, "Asia/Jakarta"), "2024-05-01T10:20:30+07:00");
  assertEquals(
    isoInZone(ms + 5, "Asia/Kolkata"),
    "2024-05-01T08:50:30.005+05:30",
  );
  assertEquals(isoInZone(ms, "America/New_York"), "2024-04-30T23:20:30-04:00");
  assertEquals(isoInZone(ms, "UTC"), "2024-05-01T03:20:30+00:00");
});

Deno.test("parseStamp() reads local, time-only and absolute stamps", () => {
  const zone = "Asia/Jakarta";
  assertEquals(
    parseStamp("2024-05-01 10:20:30", zone, now),
    Date.UTC(2024, 4, 1, 3, 20, 30),
  );
  assertEquals(
    parseStamp("10:20:30", zone, now),
    Date.UTC(2026, 10, 24, 3, 20, 30),
  );
  assertEquals(
    parseStamp("2024-05-01T10:20:30.250", zone, now),
    Date.UTC(2024, 4, 1, 3, 20, 30, 250),
  );
  assertEquals(
    parseStamp("2024-05-01T03:20:30Z", zone, now),
    Date.UTC(2024, 4, 1, 3, 20, 30),
  );
  assertEquals(parseStamp("2024-02-30 10:00:00", zone, now), undefined);
  assertEquals(parseStamp("25:00", zone, now), undefined);
  assertEquals(parseStamp("kemarin", zone, now), undefined);
});

Deno.test("parseStamp() gives back the instant formatStamp() wrote, across daylight saving changes", () => {
  for (
    const zone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]
  ) {
    for (
      let ms = Date.UTC(2024, 2, 1);
      ms < Date.UTC(2024, 11, 1);
      ms += 3_600_000 * 7 + 13_000
    ) {
      const stamp = formatStamp(ms, zone);
      assertEquals(formatStamp(parseStamp(stamp, zone, now)!, zone), stamp);
    }
  }
});
