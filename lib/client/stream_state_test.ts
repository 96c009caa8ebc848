import { assertEquals } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import {
  backoffDelay,
  GIVE_UP_MS,
  isRunning,
  type Link,
  type LinkEvent,
  mergeStored,
  nextLink,
  retryPlan,
} from "./stream_state.ts";

function message(
  id: string,
  status: Message["status"],
  extra: Partial<Message> = {},
): Message {
  return {
    id,
    role: "assistant",
    content: `text of ${id}`,
    createdAt: "2026-12-01T10:00:00.000Z",
    status,
    ...extra,
  };
}

const run = (events: LinkEvent[], from: Link = { phase: "idle" }): Link =>
  events.reduce(nextLink, from);

Deno.test("backoffDelay() doubles from half a second and stops at five", () => {
  assertEquals([0, 1, 2, 3, 4, 5, 9].map(backoffDelay), [
    500,
    1000,
    2000,
    4000,
    5000,
    5000,
    5000,
  ]);
});

Deno.test("a broken stream is a lost connection that waits half a second first", () => {
  const link = run([{ type: "attached" }, {
    type: "broken",
    now: 1000,
    online: true,
  }]);
  assertEquals(link, { phase: "lost", attempt: 0, since: 1000 });
  assertEquals(retryPlan(link, 1000), { action: "wait", ms: 500 });
});

Deno.test("each failed attempt waits longer, and re-attaching makes the link live again", () => {
  const link = run([
    { type: "broken", now: 0, online: true },
    { type: "attempt_failed", now: 500, online: true },
    { type: "attempt_failed", now: 1500, online: true },
  ]);
  assertEquals(retryPlan(link, 1500), { action: "wait", ms: 2000 });
  const back = nextLink(link, { type: "attached" });
  assertEquals(back, { phase: "live" });
  assertEquals(retryPlan(back, 2000), { action: "none" });
});

Deno.test("the link gives up once the next wait would pass the bound", () => {
  let link = run([{ type: "broken", now: 0, online: true }]);
  let now = 0;
  const waits: number[] = [];
  for (;;) {
    const plan = retryPlan(link, now);
    if (plan.action !== "wait") {
      assertEquals(plan.action, "give_up");
      break;
    }
    waits.push(plan.ms);
    now += plan.ms;
    link = nextLink(link, { type: "attempt_failed", now, online: true });
  }
  assertEquals(waits.slice(0, 5), [500, 1000, 2000, 4000, 5000]);
  assertEquals(now <= GIVE_UP_MS, true);
  assertEquals(now > GIVE_UP_MS - 5000, true);
  assertEquals(nextLink(link, { type: "gave_up" }), { phase: "gave_up" });
});

Deno.test("offline, the link waits for 'online' and the time offline does not count", () => {
  const link = run([{ type: "broken", now: 0, online: false }]);
  assertEquals(link, { phase: "offline", since: 0 });
  assertEquals(retryPlan(link, 10 * GIVE_UP_MS), { action: "wait_online" });
  const back = nextLink(link, { type: "online", now: 10 * GIVE_UP_MS });
  assertEquals(retryPlan(back, 10 * GIVE_UP_MS), { action: "wait", ms: 500 });
});

Deno.test("a failed attempt while the browser went offline waits for 'online'", () => {
  const link = run([
    { type: "broken", now: 0, online: true },
    { type: "attempt_failed", now: 500, online: false },
  ]);
  assertEquals(retryPlan(link, 500), { action: "wait_online" });
});

Deno.test("ended with a stored final message makes the link idle", () => {
  const link = run([
    { type: "broken", now: 0, online: true },
    {
      type: "ended",
      now: 600,
      message: message("a", "error", {
        error: { code: "interrupted", message: "cut" },
      }),
    },
  ]);
  assertEquals(link, { phase: "idle" });
});

Deno.test("ended with a message still streaming is not an end: the link keeps trying", () => {
  const link = run([
    { type: "broken", now: 0, online: true },
    { type: "ended", now: 600, message: message("a", "streaming") },
  ]);
  assertEquals(link, { phase: "lost", attempt: 1, since: 0 });
  const fromLive = run([{ type: "attached" }, {
    type: "ended",
    now: 9,
    message: message("a", "streaming"),
  }]);
  assertEquals(fromLive, { phase: "lost", attempt: 0, since: 9 });
});

Deno.test("reconnect after giving up starts the tries over; it does nothing otherwise", () => {
  const gaveUp: Link = { phase: "gave_up" };
  assertEquals(nextLink(gaveUp, { type: "reconnect", now: 7, online: true }), {
    phase: "lost",
    attempt: 0,
    since: 7,
  });
  assertEquals(
    nextLink({ phase: "live" }, { type: "reconnect", now: 7, online: true }),
    { phase: "live" },
  );
});

Deno.test("isRunning() holds the composer while an answer streams, not once the link gave up", () => {
  const list = [message("a", "streaming")];
  assertEquals(isRunning(list, { phase: "live" }), true);
  assertEquals(isRunning(list, { phase: "lost", attempt: 0, since: 0 }), true);
  assertEquals(isRunning(list, { phase: "gave_up" }), false);
  assertEquals(isRunning([message("a", "complete")], { phase: "idle" }), false);
});

Deno.test("mergeStored() gives a streaming answer its stored status and keeps the rest", () => {
  const user = message("u", "complete", { role: "user" });
  const local = [user, message("a", "streaming", { content: "half" })];
  const stored = [
    user,
    message("a", "error", {
      content: "half and more",
      error: { code: "interrupted", message: "cut" },
    }),
  ];
  const merged = mergeStored(local, stored);
  assertEquals(merged.map((m) => [m.id, m.status, m.content]), [
    ["u", "complete", "text of u"],
    ["a", "error", "half and more"],
  ]);
});

Deno.test("mergeStored() appends a newer stored answer but not an inactive alternative", () => {
  const user = message("u", "complete", { role: "user" });
  const stored = [
    user,
    message("old", "complete", {
      inactive: true,
      createdAt: "2026-12-01T10:00:01.000Z",
    }),
    message("new", "complete", { createdAt: "2026-12-01T10:00:02.000Z" }),
  ];
  assertEquals(mergeStored([user], stored).map((m) => m.id), ["u", "new"]);
});

Deno.test("a stream that breaks before it re-attached counts as a failed try, not a fresh start", () => {
  const link = run([
    { type: "broken", now: 0, online: true },
    { type: "broken", now: 500, online: true },
  ]);
  assertEquals(link, { phase: "lost", attempt: 1, since: 0 });
});
