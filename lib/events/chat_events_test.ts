import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import {
  type ChatEvent,
  ChatEventDecoder,
  encodeChatEvent,
  finishedEvents,
  KEEP_ALIVE,
  readChatEvents,
  replayEvents,
} from "./chat_events.ts";

const answer: Message = {
  id: "m2",
  role: "assistant",
  content: "Halo! 👋\n\nApa kabar?",
  createdAt: "2026-11-24T05:00:00.000Z",
  status: "streaming",
};

const every: ChatEvent[] = [
  {
    event: "user",
    data: { message: { ...answer, id: "m1", role: "user", content: "hai" } },
  },
  { event: "start", data: { message: answer } },
  { event: "delta", data: { text: "baris\nbaru: data: event: x" } },
  { event: "reasoning", data: { text: "berpikir…" } },
  { event: "error", data: { error: { code: "upstream", message: "Gagal" } } },
  { event: "done", data: { message: { ...answer, status: "error" } } },
];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

Deno.test("ChatEventDecoder reads back every event type encodeChatEvent() wrote", () => {
  const decoder = new ChatEventDecoder();
  const bytes = concat(every.map(encodeChatEvent));
  assertEquals([...decoder.push(bytes), ...decoder.end()], every);
});

Deno.test("ChatEventDecoder joins events split across chunks at every byte", () => {
  const bytes = concat(every.map(encodeChatEvent));
  for (let cut = 1; cut < bytes.length; cut += 7) {
    const decoder = new ChatEventDecoder();
    const events = [
      ...decoder.push(bytes.slice(0, cut)),
      ...decoder.push(bytes.slice(cut)),
      ...decoder.end(),
    ];
    assertEquals(events, every, `cut at byte ${cut}`);
  }
});

Deno.test("ChatEventDecoder skips keep-alive comments and unknown events", () => {
  const decoder = new ChatEventDecoder();
  const unknown = new TextEncoder().encode('event: later\ndata: {"x":1}\n\n');
  const events = decoder.push(concat([
    KEEP_ALIVE,
    encodeChatEvent(every[2]),
    KEEP_ALIVE,
    unknown,
    encodeChatEvent(every[5]),
  ]));
  assertEquals(events, [every[2], every[5]]);
});

Deno.test("readChatEvents() yields the events of a body that arrives byte by byte", async () => {
  const bytes = concat(every.map(encodeChatEvent));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
      controller.close();
    },
  });
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(body)) events.push(event);
  assertEquals(events, every);
});

Deno.test("readChatEvents() gives what came before a broken connection, then rejects", async () => {
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulls++ === 0) controller.enqueue(encodeChatEvent(every[1]));
      else controller.error(new TypeError("network error"));
    },
  });
  const events: ChatEvent[] = [];
  await assertRejects(async () => {
    for await (const event of readChatEvents(body)) events.push(event);
  }, TypeError);
  assertEquals(events, [every[1]]);
});

Deno.test("finishedEvents() sends an error before done only when the answer failed", () => {
  const complete = { ...answer, status: "complete" as const };
  assertEquals(finishedEvents(complete).map((e) => e.event), ["done"]);
  const failed = {
    ...answer,
    status: "error" as const,
    error: { code: "x", message: "Gagal" },
  };
  assertEquals(finishedEvents(failed), [
    { event: "error", data: { error: failed.error } },
    { event: "done", data: { message: failed } },
  ]);
});

Deno.test("replayEvents() gives a finished answer as start, its whole text, done", () => {
  const final = { ...answer, status: "complete" as const, reasoning: "r" };
  const events = replayEvents(final);
  assertEquals(events.map((e) => e.event), ["start", "delta", "done"]);
  const start = events[0].data as { message: Message };
  assertEquals(start.message.content, "");
  assertEquals(start.message.reasoning, undefined);
  assertEquals(events[1].data, { text: final.content });
  assertEquals(events[2].data, { message: final });
});

Deno.test("the browser's stream reader imports neither the upstream client nor zod", async () => {
  const entry = new URL(
    "../client/conversation_controller.ts",
    import.meta.url,
  );
  const { stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry.pathname],
  }).output();
  const graph = JSON.parse(new TextDecoder().decode(stdout));
  const modules: string[] = graph.modules.map((m: { specifier: string }) =>
    m.specifier
  );
  assert(modules.some((m) => m.endsWith("/lib/events/chat_events.ts")));
  const banned = modules.filter((m) =>
    m.includes("/lib/openrouter/") || m.includes("zod")
  );
  assertEquals(banned, []);
});
