/**
 * The model's answer as a request that may go out before the turn is
 * stored. A turn starts it before its KV commits (the reservation, the
 * user's message, the answer's placeholder) while few turns are storing
 * theirs, so the user waits for the model and not for the model plus the
 * disk. The runner takes the request over once the placeholder is stored;
 * a turn that is refused or fails before that abandons it, which aborts it.
 */
import type { CompletionEvent } from "@/lib/openrouter/client.ts";

type Result = IteratorResult<CompletionEvent>;

/** An upstream request, started at most once and read once by the runner. */
export class AnswerRequest implements AsyncIterable<CompletionEvent> {
  readonly controller = new AbortController();
  readonly #request: (signal: AbortSignal) => AsyncIterable<CompletionEvent>;
  #events: AsyncIterator<CompletionEvent> | undefined;
  #first: Promise<Result> | undefined;
  #claimed = false;

  /** `request` is sent on `start()`, with this request's abort signal. */
  constructor(
    request: (signal: AbortSignal) => AsyncIterable<CompletionEvent>,
  ) {
    this.#request = request;
  }

  /** Sends the request now, unless it was sent or abandoned already. */
  start(): void {
    if (this.#first || this.controller.signal.aborted) return;
    try {
      this.#events = this.#request(this.controller.signal)
        [Symbol.asyncIterator]();
      this.#first = this.#events.next();
    } catch (error) {
      this.#first = Promise.reject(error);
    }
    // The reader sees a failure; an abandoned request has no reader.
    this.#first.catch(() => {});
  }

  /** Whether the request has been sent. */
  get started(): boolean {
    return this.#first !== undefined;
  }

  /** Aborts the request unless a reader has taken it over. */
  abandon(): void {
    if (this.#claimed) return;
    this.#claimed = true;
    this.controller.abort(
      new DOMException("The turn did not start", "AbortError"),
    );
  }

  // A plain iterator, not a generator: every layer of async generators
  // costs allocations per token, and this one would only pass events on.
  [Symbol.asyncIterator](): AsyncIterator<CompletionEvent> {
    if (this.#claimed) throw new Error("An answer request is read only once");
    this.#claimed = true;
    this.start();
    let first: Promise<Result> | undefined = this.#first;
    const events = this.#events;
    return {
      next() {
        const next = first ?? events!.next();
        first = undefined;
        return next;
      },
      async return() {
        await events?.return?.();
        return { done: true, value: undefined };
      },
    };
  }
}

/**
 * Lets a turn send its request before its writes only while few turns of
 * this process are storing theirs. In a burst the writes queue up in KV,
 * and the streams of requests sent early would pile up in buffers until
 * their turns are stored; then the writes go first.
 */
export class EarlyStartGate {
  #storing = 0;
  constructor(readonly limit = 8) {}

  /** Counts a turn as storing until `leave()`; true when it may send its request now. */
  enter(): boolean {
    return this.#storing++ < this.limit;
  }

  /** The turn is stored, or gave up. */
  leave(): void {
    this.#storing--;
  }
}
