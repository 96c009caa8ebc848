/**
 * The answer's event stream with the key looked up first and the usage
 * counted on the way: a plain iterator (no generator layer per token), as
 * in answer_request.ts.
 */
import type { CompletionEvent } from "@/lib/openrouter/client.ts";

type Usage = Extract<CompletionEvent, { type: "usage" }>["usage"];

/** `open()`'s stream, opened on the first read; `onUsage` sees its usage event. */
export function keyedStream(
  open: () => Promise<AsyncIterable<CompletionEvent>>,
  onUsage: (usage: Usage) => void,
): AsyncIterable<CompletionEvent> {
  let inner: AsyncIterator<CompletionEvent> | undefined;
  let opening: Promise<AsyncIterator<CompletionEvent>> | undefined;
  const start = () =>
    opening ??= open().then((stream) => inner = stream[Symbol.asyncIterator]());
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        const events = inner ?? await start();
        const result = await events.next();
        if (!result.done && result.value.type === "usage") {
          onUsage(result.value.usage);
        }
        return result;
      },
      async return() {
        const events = inner ?? (opening ? await opening : undefined);
        await events?.return?.();
        return { done: true, value: undefined };
      },
    }),
  };
}
