import { assertEquals } from "@/tests/assert.ts";
import { isTimeZone, resolveTimeZone } from "./time_zone.ts";

Deno.test("isTimeZone() knows IANA names and nothing else", () => {
  assertEquals(isTimeZone("Asia/Makassar"), true);
  assertEquals(isTimeZone("America/Argentina/Buenos_Aires"), true);
  for (const value of ["Mars/Base", "", undefined, 7]) {
    assertEquals(isTimeZone(value), false, String(value));
  }
});

Deno.test("resolveTimeZone() falls back to the default zone, then to UTC", () => {
  assertEquals(
    resolveTimeZone("Asia/Makassar", "Asia/Jakarta"),
    "Asia/Makassar",
  );
  assertEquals(resolveTimeZone("Mars/Base", "Asia/Jakarta"), "Asia/Jakarta");
  assertEquals(resolveTimeZone(undefined, "nope"), "UTC");
});
