import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import { appendPiece, Generation } from "./generation.ts";

const message: Message = {
  id: "m1",
  role: "assistant",
  content: "Awal: ",
  createdAt: "2026-11-24T05:00:00.000Z",
  status: "streaming",
};

Deno.test("appendPiece() keeps every UTF-16 unit, whether or not it copies the text flat", () => {
  // Lone surrogates and a pair split across pieces must come out unchanged.
  const pieces = ["a", "\ud83d", "\ude00", "é", "\udc00", "日本", "", "\u0301"];
  let text = "";
  let expected = "";
  for (let i = 1; i <= 1000; i++) {
    const piece = pieces[i % pieces.length] + i;
    text = appendPiece(text, piece, i);
    expected += piece;
    if (i % 64 === 0) assertEquals(text, expected, `after piece ${i}`);
  }
  assertEquals(text, expected);
  assertEquals(text.length, expected.length);
});

Deno.test("Generation's text and reasoning are what was appended, after the stored start", () => {
  const generation = new Generation("o", "c", message);
  let text = message.content;
  let reasoning = "";
  for (let i = 0; i < 300; i++) {
    generation.appendText(`tok${i} `);
    text += `tok${i} `;
    if (i % 7 === 0) {
      generation.appendReasoning(`r${i}`);
      reasoning += `r${i}`;
    }
  }
  assertEquals(generation.snapshot().content, text);
  assertEquals(generation.snapshot().reasoning, reasoning);
});

Deno.test("a watcher that does not read is dropped past 1 MB while a reading one gets every byte", async () => {
  const generation = new Generation("o", "c", { ...message, content: "" });
  const stalled = generation.watch();
  const reading = generation.watch();
  const received = (async () => {
    let bytes = 0;
    for await (const chunk of reading) bytes += chunk.byteLength;
    return bytes;
  })();
  const piece = "x".repeat(16 * 1024);
  for (let i = 0; i < 128; i++) { // 2 MB, more than the buffer
    generation.appendText(piece);
    await new Promise((r) => setTimeout(r, 0)); // let the reader read
  }
  assertEquals(generation.watchers, 1, "the stalled watcher was dropped");
  generation.finish({ ...generation.snapshot(), status: "complete" });
  assert((await received) > 2 * 1024 * 1024, "the reader got everything");
  const reader = stalled.getReader();
  await assertRejects(async () => {
    for (;;) if ((await reader.read()).done) break;
  });
});
