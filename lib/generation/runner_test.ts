import { assert, assertEquals } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import { answerText, readEvents } from "@/tests/app_server.ts";
import { GenerationRunner, type RunnerStore } from "./runner.ts";

const message: Message = {
  id: "m1",
  role: "assistant",
  content: "",
  createdAt: "2026-11-24T05:00:00.000Z",
  status: "streaming",
};

let lastTokenAt = 0;

async function* tokens(
  count: number,
  everyMs: number,
): AsyncGenerator<CompletionEvent> {
  for (let i = 0; i < count; i++) {
    await new Promise((r) => setTimeout(r, everyMs));
    lastTokenAt = performance.now();
    yield { type: "delta", text: `t${i} ` };
  }
}

/** A runner over `kv` whose store saves with `updateMessage`. */
function runnerWith(
  kv: Deno.Kv,
  updateMessage: RunnerStore["updateMessage"],
  flushIntervalMs?: number,
): GenerationRunner {
  return new GenerationRunner({
    kv,
    store: {
      updateMessage,
      getMessage: () => Promise.resolve(null),
      listStreaming: () => Promise.resolve([]),
    },
    describeError: () => ({ code: "x", message: "x" }),
    flushIntervalMs,
  });
}

Deno.test("GenerationRunner keeps one partial write in flight and saves the whole answer last", async () => {
  const kv = await Deno.openKv(":memory:");
  let inFlight = 0, most = 0;
  const writes: Partial<Message>[] = [];
  const runner = runnerWith(kv, async (_o, _c, _id, patch) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 60)); // a slow disk
    writes.push(patch);
    inFlight--;
    return { ...message, ...patch } as Message;
  }, 10);
  await runner.reserve("o", "c", message.id);
  const generation = runner.start({
    owner: "o",
    chatId: "c",
    message,
    complete: () => tokens(30, 5),
    lang: "en",
  });
  const final = await generation.done;
  const lag = performance.now() - lastTokenAt;
  // Queued stale writes would each take 60 ms before the final save.
  assert(
    lag < 250,
    `the answer was saved ${lag.toFixed(0)} ms after its last token`,
  );
  assertEquals(most, 1, "never two writes of one answer at once");
  assert(
    writes.length >= 2,
    `partial text was flushed (${writes.length} writes)`,
  );
  assertEquals(writes.at(-1)!.status, "complete");
  assertEquals(writes.at(-1)!.content, final.content);
  assertEquals(final.content.split(" ").filter(Boolean).length, 30);
  await runner.close();
  kv.close();
});

Deno.test("GenerationRunner frees the chat with the answer's final save, or alone when that fails", async () => {
  for (const outcome of ["saved", "gone", "throws"] as const) {
    const kv = await Deno.openKv(":memory:");
    const finalWrites: { also: number; status?: string }[] = [];
    const runner = runnerWith(kv, async (_o, _c, _id, patch, also = []) => {
      if (patch.status) {
        finalWrites.push({ also: also.length, status: patch.status });
      }
      if (patch.status && outcome === "throws") throw new Error("disk full");
      if (patch.status && outcome === "gone") return null;
      const op = kv.atomic();
      for (const m of also) op.delete(m.key);
      await op.commit();
      return { ...message, ...patch } as Message;
    });
    await runner.reserve("o", "c", message.id);
    assertEquals(await runner.leasedMessage("o", "c"), message.id);
    await runner.start({
      owner: "o",
      chatId: "c",
      message,
      complete: () => tokens(3, 1),
      lang: "en",
    }).done;
    assertEquals(finalWrites, [{ also: 2, status: "complete" }], outcome);
    assertEquals(await runner.leasedMessage("o", "c"), null, outcome);
    await runner.reserve("o", "c", "m2"); // the chat is free again
    await runner.close();
    kv.close();
  }
});

Deno.test("runner.watch() follows an answer here, one on another instance through KV, and none as null", async () => {
  const kv = await Deno.openKv(":memory:");
  const stored = new Map<string, Message>();
  const store: RunnerStore = {
    updateMessage: (_o, _c, id, patch, also = []) => {
      const next = { ...stored.get(id) ?? message, ...patch } as Message;
      stored.set(id, next);
      const op = kv.atomic();
      for (const m of also) op.delete(m.key);
      return op.commit().then(() => next);
    },
    getMessage: (_o, _c, id) => Promise.resolve(stored.get(id) ?? null),
    listStreaming: () => Promise.resolve([]),
  };
  const options = {
    kv,
    store,
    describeError: () => ({ code: "", message: "" }),
  };
  const here = new GenerationRunner({ ...options, flushIntervalMs: 5 });
  const elsewhere = new GenerationRunner(options);
  assertEquals(await here.watch("o", "c"), null);
  await here.reserve("o", "c", message.id);
  stored.set(message.id, message);
  const generation = here.start({
    owner: "o",
    chatId: "c",
    message,
    complete: () => tokens(20, 5),
    lang: "en",
  });
  const local = await here.watch("o", "c");
  const remote = await elsewhere.watch("o", "c");
  assert(local && remote);
  const [a, b] = await Promise.all(
    [local, remote].map((s) => readEvents(new Response(s))),
  );
  const final = await generation.done;
  for (const events of [a, b]) {
    assertEquals(events[0].event, "start");
    assertEquals(events.at(-1)!.data.message!.content, final.content);
    assertEquals(answerText(events), final.content);
  }
  assertEquals(await elsewhere.watch("o", "c"), null);
  await here.close();
  kv.close();
});
