import { assert, assertEquals } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import { buildContext, estimateTokens } from "./context.ts";

let next = 0;
function message(content: string, extra: Partial<Message> = {}): Message {
  next++;
  return {
    id: `m${next}`,
    role: next % 2 ? "user" : "assistant",
    content,
    createdAt: "2026-11-24T05:00:00.000Z",
    status: "complete",
    ...extra,
  };
}

const contents = (history: Message[], options = {}) =>
  buildContext({
    systemPrompt: "",
    history,
    contextMessages: 30,
    ...options,
  }).map((m) => m.content);

Deno.test("buildContext() puts the trimmed system prompt first, and none when it is blank", () => {
  const history = [message("hai"), message("halo")];
  const sent = buildContext({
    systemPrompt: "  Kamu asisten.\n",
    history,
    contextMessages: 10,
  });
  assertEquals(sent[0], { role: "system", content: "Kamu asisten." });
  assertEquals(sent.slice(1).map((m) => m.content), ["hai", "halo"]);
  const bare = buildContext({
    systemPrompt: " \n",
    history,
    contextMessages: 10,
  });
  assertEquals(bare.map((m) => m.role), ["user", "assistant"]);
});

Deno.test("buildContext() sends only the last contextMessages messages of the conversation", () => {
  const history = Array.from({ length: 12 }, (_, i) => message(`pesan ${i}`));
  assertEquals(contents(history, { contextMessages: 4 }), [
    "pesan 8",
    "pesan 9",
    "pesan 10",
    "pesan 11",
  ]);
});

Deno.test("buildContext() leaves out commands, alternatives, failed, streaming and empty answers", () => {
  const history = [
    message("pertanyaan"),
    message("!help", { command: true }),
    message("bantuan", { command: true }),
    message("jawaban lama", { inactive: true }),
    message("gagal", { status: "error" }),
    message("sebagian", { status: "streaming" }),
    message("   "),
    message("jawaban"),
  ];
  assertEquals(contents(history), ["pertanyaan", "jawaban"]);
  // Left-out messages do not use up the contextMessages count.
  assertEquals(contents(history, { contextMessages: 2 }), [
    "pertanyaan",
    "jawaban",
  ]);
});

Deno.test("buildContext() drops the oldest messages that do not fit the model's window", () => {
  // A 2,048-token window keeps 512 for the answer: 1,536 for the prompt.
  const long = "a".repeat(2000); // 504 tokens each
  assertEquals(estimateTokens(long), 504);
  const history = [1, 2, 3, 4, 5].map((i) => message(`${i}${long}`));
  const sent = contents(history, { contextLength: 2048 });
  assertEquals(sent.map((c) => c[0]), ["3", "4", "5"]);
  const used = sent.reduce((n, c) => n + estimateTokens(c), 0);
  assert(used <= 1536, `${used} tokens`);
  // The system prompt counts against the same budget.
  const withSystem = buildContext({
    systemPrompt: long,
    history,
    contextMessages: 30,
    contextLength: 2048,
  });
  assertEquals(withSystem.map((m) => m.content[0]), ["a", "4", "5"]);
});

Deno.test("buildContext() always keeps the newest message, even when it alone is too long", () => {
  const huge = message("x".repeat(100_000));
  const sent = contents([message("sebelumnya"), huge], { contextLength: 2048 });
  assertEquals(sent, [huge.content]);
});

Deno.test("buildContext() assumes an 8,192-token window when the server does not say", () => {
  // 8,192 - 2,048 for the answer = 6,144 tokens: twelve of 504 fit, not thirteen.
  const long = "b".repeat(2000);
  const history = Array.from({ length: 14 }, () => message(long));
  for (const contextLength of [undefined, 0]) {
    assertEquals(contents(history, { contextLength }).length, 12);
  }
});
