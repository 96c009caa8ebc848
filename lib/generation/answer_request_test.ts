import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import { EarlyRequest } from "./early_request.ts";

/** A fake upstream that records when it was asked and what its signal saw. */
function upstream(texts: string[]) {
  const seen = { asked: false, signal: undefined as AbortSignal | undefined };
  const request = async function* (
    signal: AbortSignal,
  ): AsyncGenerator<CompletionEvent> {
    seen.asked = true;
    seen.signal = signal;
    for (const text of texts) {
      await new Promise((r) => setTimeout(r, 1));
      signal.throwIfAborted();
      yield { type: "delta", text };
    }
  };
  return { seen, request };
}

async function readAll(events: AsyncIterable<CompletionEvent>) {
  const texts: string[] = [];
  for await (const e of events) if (e.type === "delta") texts.push(e.text);
  return texts;
}

Deno.test("EarlyRequest sends its request before anyone reads it", () => {
  const { seen, request } = upstream(["a"]);
  const early = new EarlyRequest(request);
  assert(seen.asked, "the request went out in the constructor");
  assertEquals(seen.signal, early.controller.signal);
  early.abandon();
});

Deno.test("EarlyRequest hands every event on to its reader", async () => {
  const { request } = upstream(["a", "b", "c"]);
  const early = new EarlyRequest(request);
  await new Promise((r) => setTimeout(r, 20)); // the first event waits
  assertEquals(await readAll(early), ["a", "b", "c"]);
});

Deno.test("abandon() aborts a request nobody took over, and not one being read", async () => {
  const left = upstream(["a"]);
  new EarlyRequest(left.request).abandon();
  assert(left.seen.signal?.aborted);

  const taken = upstream(["a", "b"]);
  const early = new EarlyRequest(taken.request);
  const reading = readAll(early);
  early.abandon();
  assertEquals(await reading, ["a", "b"]);
  assertEquals(taken.seen.signal?.aborted, false);
});

Deno.test("an EarlyRequest is read only once", async () => {
  const early = new EarlyRequest(upstream(["a"]).request);
  await readAll(early);
  await assertRejects(() => readAll(early), Error, "read only once");
});

Deno.test("a failed EarlyRequest fails its reader, and an abandoned one fails nobody", async () => {
  const failing = (signal: AbortSignal) => ({
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.reject(new Error(`down ${signal.aborted}`)),
    }),
  });
  await assertRejects(() => readAll(new EarlyRequest(failing)), Error, "down");
  // No unhandled rejection fails this test.
  new EarlyRequest(failing).abandon();
  await new Promise((r) => setTimeout(r, 10));
});
