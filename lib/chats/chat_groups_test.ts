import { assertEquals } from "@/tests/assert.ts";
import { groupChats, groupOf } from "./chat_groups.ts";

const now = Date.parse("2026-12-01T10:00:00+07:00");
const at = (iso: string, pinned = false) => ({ pinned, updatedAt: iso });
const jakarta = { now, timeZone: "Asia/Jakarta" };

Deno.test("groupOf() counts days in the viewer's time zone", () => {
  // 23:30 UTC on Nov 30 is already Dec 1 in Jakarta, still Nov 30 in UTC.
  const late = at("2026-11-30T23:30:00Z");
  assertEquals(groupOf(late, jakarta), "today");
  assertEquals(groupOf(late, { now, timeZone: "UTC" }), "yesterday");
});

Deno.test("groupOf() puts pinned chats first whatever their age", () => {
  assertEquals(groupOf(at("2020-01-01T00:00:00Z", true), jakarta), "pinned");
});

Deno.test("groupOf() names the week, the month, then the calendar month", () => {
  assertEquals(groupOf(at("2026-11-30T10:00:00+07:00"), jakarta), "yesterday");
  assertEquals(groupOf(at("2026-11-24T10:00:00+07:00"), jakarta), "week");
  assertEquals(groupOf(at("2026-11-23T10:00:00+07:00"), jakarta), "month");
  assertEquals(groupOf(at("2026-11-01T10:00:00+07:00"), jakarta), "month");
  assertEquals(groupOf(at("2026-10-31T10:00:00+07:00"), jakarta), "2026-10");
});

Deno.test("groupChats() keeps the list's order inside each group", () => {
  const chats = [
    { ...at("2026-10-01T00:00:00Z", true), id: "p" },
    { ...at("2026-12-01T09:00:00+07:00"), id: "a" },
    { ...at("2026-12-01T08:00:00+07:00"), id: "b" },
    { ...at("2026-09-03T00:00:00Z"), id: "c" },
  ];
  const groups = groupChats(chats, jakarta);
  assertEquals(
    groups.map((g) => [g.key, g.chats.map((c) => c.id)]),
    [["pinned", ["p"]], ["today", ["a", "b"]], ["2026-09", ["c"]]],
  );
});
