import { assertEquals } from "@/tests/assert.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import { keyedStream } from "./keyed_stream.ts";

async function* events(): AsyncGenerator<CompletionEvent> {
  yield { type: "delta", text: "Halo" };
  yield {
    type: "usage",
    usage: { promptTokens: 3, completionTokens: 1, cost: 0.5 },
  };
}

Deno.test("keyedStream() opens its stream on the first read and hands the usage event on", async () => {
  let opened = 0;
  const seen: unknown[] = [];
  const stream = keyedStream(() => {
    opened++;
    return Promise.resolve(events());
  }, (usage) => seen.push(usage));
  assertEquals(opened, 0);
  const got: CompletionEvent[] = [];
  for await (const event of stream) got.push(event);
  assertEquals(opened, 1);
  assertEquals(got.map((e) => e.type), ["delta", "usage"]);
  assertEquals(seen, [{ promptTokens: 3, completionTokens: 1, cost: 0.5 }]);
});

Deno.test("keyedStream() passes the failure of its opening (no key) to the reader", async () => {
  const stream = keyedStream(
    () => Promise.reject(new Error("no key")),
    () => {},
  );
  const iterator = stream[Symbol.asyncIterator]();
  const error = await iterator.next().then(() => null, (e: Error) => e.message);
  assertEquals(error, "no key");
  // Stopping a stream that never opened does not open it.
  let opened = false;
  const idle = keyedStream(() => {
    opened = true;
    return Promise.resolve(events());
  }, () => {});
  await idle[Symbol.asyncIterator]().return?.();
  assertEquals(opened, false);
});
