import { assertEquals } from "@/tests/assert.ts";
import { timeZoneOf } from "./time_zone.ts";

Deno.test("timeZoneOf() accepts IANA names and refuses anything else", () => {
  assertEquals(timeZoneOf("Asia/Jakarta"), "Asia/Jakarta");
  assertEquals(
    timeZoneOf("America/Argentina/Buenos_Aires"),
    "America/Argentina/Buenos_Aires",
  );
  assertEquals(timeZoneOf("Mars/Olympus"), undefined);
  assertEquals(timeZoneOf("Asia/Jakarta; Path=/"), undefined);
  assertEquals(timeZoneOf(undefined), undefined);
});
