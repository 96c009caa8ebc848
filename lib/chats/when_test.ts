import { assertEquals, assertMatch } from "@/tests/assert.ts";
import { messageTime } from "./when.ts";

const now = Date.parse("2026-03-10T12:00:00Z");

Deno.test("messageTime() says 'now' for a fresh message and minutes or hours later on", () => {
  const at = (ms: number) => new Date(now - ms).toISOString();
  assertEquals(messageTime(at(5_000), { lang: "en", now }).short, "now");
  assertEquals(
    messageTime(at(5 * 60_000), { lang: "en", now }).short,
    "5 min ago",
  );
  assertMatch(
    messageTime(at(3 * 3600_000), { lang: "id", now }).short,
    /3 jam/,
  );
});

Deno.test("messageTime() gives an older message its short date and the full date for the tooltip", () => {
  const time = messageTime("2026-03-01T08:30:00Z", {
    lang: "en",
    now,
    timeZone: "Asia/Jakarta",
  });
  assertEquals(time.short, "1 Mar");
  assertEquals(time.full, "Sunday, 1 March 2026 at 15:30");
});

Deno.test("messageTime() falls back to the runtime's zone for an unknown one", () => {
  const time = messageTime("2026-03-01T08:30:00Z", {
    lang: "en",
    now,
    timeZone: "Mars/Olympus",
  });
  assertEquals(time.short, "1 Mar");
});
