import { assert, assertEquals } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import { answerText, readEvents } from "@/tests/app_server.ts";
import { leaseKey } from "./lease.ts";
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
    const shown = await runner.start({
      owner: "o",
      chatId: "c",
      message,
      complete: () => tokens(3, 1),
      lang: "en",
    }).done;
    assertEquals(finalWrites, [{ also: 2, status: "complete" }], outcome);
    // A failed save is never shown as a success; a deleted chat is not a failure.
    assertEquals(
      [shown.status, shown.error?.code],
      outcome === "throws"
        ? ["error", "storage_full"]
        : ["complete", undefined],
      outcome,
    );
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

Deno.test("a flush that finds the previous one in flight starts as soon as it ends instead of skipping a tick", async () => {
  const kv = await Deno.openKv(":memory:");
  let starts = 0;
  let finishFirst!: () => void;
  const firstHeld = new Promise<void>((r) => finishFirst = r);
  const runner = runnerWith(kv, async (_o, _c, _id, patch) => {
    if (++starts === 1) await firstHeld; // a commit slower than two ticks
    return { ...message, ...patch } as Message;
  }, 300);
  await runner.reserve("o", "c", message.id);
  const generation = runner.start({
    owner: "o",
    chatId: "c",
    message,
    complete: () => tokens(150, 10),
    lang: "en",
  });
  while (starts === 0) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 400)); // a tick passes meanwhile
  assertEquals(starts, 1, "one write in flight at a time");
  finishFirst();
  // Not on the next tick (up to 300 ms away) but at once.
  await new Promise((r) => setTimeout(r, 0));
  assertEquals(starts, 2, "the next write started when the first ended");
  generation.controller.abort();
  await generation.done;
  await runner.close();
  kv.close();
});

Deno.test("the runner renews its lease while no text arrives, and a dead holder's lease is not live", async () => {
  const kv = await Deno.openKv(":memory:");
  const runner = new GenerationRunner({
    kv,
    store: {
      updateMessage: (_o, _c, _id, patch) =>
        Promise.resolve({ ...message, ...patch } as Message),
      getMessage: () => Promise.resolve(null),
      listStreaming: () => Promise.resolve([]),
    },
    describeError: () => ({ code: "x", message: "x" }),
    leaseMs: 300,
  });
  await runner.reserve("o", "c", message.id);
  const generation = runner.start({
    owner: "o",
    chatId: "c",
    message,
    complete: () => tokens(1, 900), // silent for 900 ms
    lang: "en",
  });
  await new Promise((r) => setTimeout(r, 700));
  assertEquals(await runner.leasedMessage("o", "c"), message.id);
  await generation.done;
  // A lease of a process of this host that no longer runs.
  const gone = {
    id: "old",
    host: Deno.hostname(),
    pid: 2 ** 22 + 7,
    started: "",
  };
  await kv.set(leaseKey({ owner: "o", chatId: "d" }), {
    messageId: "m9",
    expiresAt: Date.now() + 60_000,
    holder: gone,
  });
  assertEquals(await runner.leasedMessage("o", "d"), null);
  await runner.reserve("o", "d", "m10"); // taken over at once
  await runner.close();
  kv.close();
});

Deno.test("an answer whose lease belongs to another host is repaired once the lease expires", async () => {
  const kv = await Deno.openKv(":memory:");
  const stored = new Map<string, Message>([[message.id, message]]);
  const store: RunnerStore = {
    updateMessage: (_o, _c, id, patch) => {
      const next = { ...stored.get(id)!, ...patch } as Message;
      stored.set(id, next);
      return Promise.resolve(next);
    },
    getMessage: (_o, _c, id) => Promise.resolve(stored.get(id) ?? null),
    listStreaming: () =>
      Promise.resolve(
        [...stored.values()].filter((m) => m.status === "streaming").map((
          m,
        ) => ({ owner: "o", chatId: "c", messageId: m.id })),
      ),
  };
  const runner = new GenerationRunner({
    kv,
    store,
    describeError: () => ({ code: "x", message: "x" }),
    sweepMs: 50,
  });
  const elsewhere = { id: "x", host: "another-host", pid: 1, started: "1" };
  await kv.set(leaseKey({ owner: "o", chatId: "c" }), {
    messageId: message.id,
    expiresAt: Date.now() + 300,
    holder: elsewhere,
  });
  runner.startSweep();
  assertEquals(await runner.repair("o", "c"), [], "live: left alone");
  await new Promise((r) => setTimeout(r, 450));
  const repaired = stored.get(message.id)!;
  assertEquals([repaired.status, repaired.error?.code], [
    "error",
    "interrupted",
  ]);
  assertEquals(await runner.cancel("o", "c"), false);
  await runner.close();
  kv.close();
});
