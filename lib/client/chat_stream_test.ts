import { assertEquals, assertRejects } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import { encodeChatEvent } from "@/lib/events/chat_events.ts";
import { consumeStream } from "./chat_stream.ts";

const answer: Message = {
  id: "a",
  role: "assistant",
  content: "",
  createdAt: "2026-12-01T10:00:00.000Z",
  status: "streaming",
};

function response(chunks: Uint8Array[], breaks = false): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        if (breaks) controller.error(new TypeError("network error"));
        else controller.close();
      },
    }),
  );
}

const noop = { onStart() {}, onDelta() {}, onDone() {} };

Deno.test("consumeStream() returns the done message of a stream that ended", async () => {
  const done = { ...answer, content: "hi", status: "complete" as const };
  const final = await consumeStream(
    response([
      encodeChatEvent({ event: "start", data: { message: answer } }),
      encodeChatEvent({ event: "delta", data: { text: "hi" } }),
      encodeChatEvent({ event: "done", data: { message: done } }),
    ]),
    noop,
  );
  assertEquals(final, done);
});

Deno.test("consumeStream() returns null for a stream closed before done, so the view re-attaches", async () => {
  const texts: string[] = [];
  const final = await consumeStream(
    response([
      encodeChatEvent({ event: "start", data: { message: answer } }),
      encodeChatEvent({ event: "delta", data: { text: "half" } }),
    ]),
    { ...noop, onDelta: (text) => texts.push(text) },
  );
  assertEquals([final, texts], [null, ["half"]]);
});

Deno.test("consumeStream() rejects when the connection breaks", async () => {
  await assertRejects(() =>
    consumeStream(
      response(
        [encodeChatEvent({ event: "start", data: { message: answer } })],
        true,
      ),
      noop,
    )
  );
});
