/**
 * The model's answer as a request that goes out at once. A turn starts it
 * before its KV commits (the reservation, the user's message, the answer's
 * placeholder), so the user waits for the model and not for the model plus
 * the disk. The runner takes the request over once the placeholder is
 * stored; a turn that is refused or fails before that abandons it, which
 * aborts it.
 */
import type { CompletionEvent } from "@/lib/openrouter/client.ts";

/** An upstream request already on its way, read once by the runner. */
export class EarlyRequest implements AsyncIterable<CompletionEvent> {
  readonly controller = new AbortController();
  readonly #events: AsyncIterator<CompletionEvent>;
  readonly #first: Promise<IteratorResult<CompletionEvent>>;
  #claimed = false;

  /** Starts `request` now, with this request's abort signal. */
  constructor(
    request: (signal: AbortSignal) => AsyncIterable<CompletionEvent>,
  ) {
    this.#events = request(this.controller.signal)[Symbol.asyncIterator]();
    this.#first = this.#events.next();
    // The reader sees a failure; an abandoned request has no reader.
    this.#first.catch(() => {});
  }

  /** Aborts the request unless a reader has taken it over. */
  abandon(): void {
    if (this.#claimed) return;
    this.#claimed = true;
    this.controller.abort(
      new DOMException("The turn did not start", "AbortError"),
    );
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CompletionEvent> {
    if (this.#claimed) throw new Error("An early request is read only once");
    this.#claimed = true;
    try {
      for (let r = await this.#first; !r.done; r = await this.#events.next()) {
        yield r.value;
      }
    } finally {
      await this.#events.return?.();
    }
  }
}
