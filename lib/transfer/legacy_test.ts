import { assertEquals, assertThrows } from "@/tests/assert.ts";
import { ImportError } from "./errors.ts";
import { parseImport } from "./import.ts";
import { bytes } from "./testing.ts";

const read = (text: string) =>
  parseImport(bytes(text), undefined, {
    timeZone: "Asia/Jakarta",
    now: new Date("2026-11-24T04:49:03Z"),
    lang: "en",
  });
const reject = (text: string) => assertThrows(() => read(text), ImportError);

const legacy = (items: unknown[]) => JSON.stringify(items);
const item = (extra: Record<string, unknown> = {}) => ({
  role: "user",
  content_text: "Halo",
  timestamp: "2024-05-01 10:20:30",
  feedback: null,
  ...extra,
});

Deno.test("parseImport() rejects an old-app timestamp it cannot read, and uses the previous time for a missing one", () => {
  const error = reject(legacy([item({ timestamp: "kemarin sore" })]));
  assertEquals(
    error.localize("en"),
    'Message 1: “timestamp” is "kemarin sore", which is not a date and time. Use a form like 2024-05-01 10:20:30.',
  );
  const { chats, warnings } = read(legacy([
    item(),
    item({ role: "Bot", timestamp: null, feedback: 1 }),
  ]));
  assertEquals(chats[0].messages[1].createdAt, "2024-05-01T10:20:30+07:00");
  assertEquals(chats[0].messages[1].role, "assistant");
  assertEquals(chats[0].messages[1].feedback, "like");
  assertEquals(warnings, [
    "Message 2: this message has no time stamp, so the time of the message before it is used.",
  ]);
});

Deno.test("parseImport() drops unknown old-app feedback with a warning", () => {
  const { chats, warnings } = read(legacy([item({ feedback: "meh" })]));
  assertEquals(chats[0].messages[0].feedback, undefined);
  assertEquals(warnings, [
    'Message 1: the feedback “"meh"” is not like or dislike, so it was dropped.',
  ]);
});

Deno.test("parseImport() refuses a file whose every message was skipped", () => {
  assertEquals(
    reject(legacy([item({ role: "tool" })])).messageKey,
    "import.error.no_chats",
  );
});

Deno.test("parseImport() reads old-app messages without feedback or timestamp keys", () => {
  const { feedback: _f, ...noFeedback } = item();
  const { timestamp: _t, feedback: _g, ...bare } = item({ role: "assistant" });
  const { chats, warnings } = read(legacy([noFeedback, bare]));
  assertEquals(
    chats[0].messages.map((m) => [m.role, m.createdAt, m.feedback]),
    [
      ["user", "2024-05-01T10:20:30+07:00", undefined],
      ["assistant", "2024-05-01T10:20:30+07:00", undefined],
    ],
  );
  assertEquals(warnings, [
    "Message 2: this message has no time stamp, so the time of the message before it is used.",
  ]);
});
