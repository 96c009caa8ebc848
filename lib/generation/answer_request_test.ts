import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import { AnswerRequest, EarlyStartGate } from "./answer_request.ts";

/** A fake upstream that records when it was asked and what its signal saw. */
function upstream(texts: string[]) {
  const seen = { asked: 0, signal: undefined as AbortSignal | undefined };
  const request = async function* (
    signal: AbortSignal,
  ): AsyncGenerator<CompletionEvent> {
    seen.asked++;
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

Deno.test("AnswerRequest is sent by start(), once, before anyone reads it", async () => {
  const { seen, request } = upstream(["a", "b"]);
  const answer = new AnswerRequest(request);
  assertEquals(seen.asked, 0, "nothing is sent before start()");
  answer.start();
  answer.start();
  assertEquals(seen.asked, 1);
  assert(answer.started);
  assertEquals(seen.signal, answer.controller.signal);
  await new Promise((r) => setTimeout(r, 20)); // the first event waits
  assertEquals(await readAll(answer), ["a", "b"]);
  assertEquals(seen.asked, 1, "reading does not send it again");
});

Deno.test("AnswerRequest not started is sent when it is read", async () => {
  const { seen, request } = upstream(["a", "b", "c"]);
  const answer = new AnswerRequest(request);
  assertEquals(await readAll(answer), ["a", "b", "c"]);
  assertEquals(seen.asked, 1);
});

Deno.test("abandon() aborts a request nobody took over, and not one being read", async () => {
  const left = upstream(["a"]);
  const abandoned = new AnswerRequest(left.request);
  abandoned.start();
  abandoned.abandon();
  assert(left.seen.signal?.aborted);
  abandoned.start();
  assertEquals(left.seen.asked, 1, "an abandoned request is not sent again");

  const taken = upstream(["a", "b"]);
  const answer = new AnswerRequest(taken.request);
  answer.start();
  const reading = readAll(answer);
  answer.abandon();
  assertEquals(await reading, ["a", "b"]);
  assertEquals(taken.seen.signal?.aborted, false);
});

Deno.test("an AnswerRequest is read only once", async () => {
  const answer = new AnswerRequest(upstream(["a"]).request);
  await readAll(answer);
  await assertRejects(() => readAll(answer), Error, "read only once");
});

Deno.test("a failed AnswerRequest fails its reader, and an abandoned one fails nobody", async () => {
  const failing = (signal: AbortSignal) => ({
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.reject(new Error(`down ${signal.aborted}`)),
    }),
  });
  await assertRejects(
    () => readAll(new AnswerRequest(failing)),
    Error,
    "down",
  );
  const refused = new AnswerRequest(() => {
    throw new Error("no key");
  });
  await assertRejects(() => readAll(refused), Error, "no key");
  // No unhandled rejection fails this test.
  const abandoned = new AnswerRequest(failing);
  abandoned.start();
  abandoned.abandon();
  await new Promise((r) => setTimeout(r, 10));
});

Deno.test("EarlyStartGate lets the first `limit` turns storing at once go early", () => {
  const gate = new EarlyStartGate(2);
  assertEquals([gate.enter(), gate.enter(), gate.enter()], [true, true, false]);
  gate.leave();
  gate.leave();
  assertEquals(gate.enter(), true, "a place is free again");
});
