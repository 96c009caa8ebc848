/**
 * One running answer: the text so far, and the event streams of whoever
 * watches it. Watchers come and go (a closed tab, a reload, a second tab);
 * the generation does not depend on any of them.
 */
import type { Message } from "@/lib/chats/types.ts";
import {
  type ChatEvent,
  encodeChatEvent,
  finishedEvents,
  KEEP_ALIVE,
  KEEP_ALIVE_MS,
  replayEvents,
} from "@/lib/events/chat_events.ts";

type Sink = ReadableStreamDefaultController<Uint8Array>;

/**
 * How many bytes a watcher may have waiting to be sent. One that does not
 * read (a stalled client) is dropped past it, so it holds at most this
 * much of the server's memory; it can watch again from the stored text.
 */
export const WATCHER_BUFFER_BYTES = 1024 * 1024;

/** The queuing strategy of a watcher's stream: bounded by bytes. */
export function watcherStrategy(): QueuingStrategy<Uint8Array> {
  return new ByteLengthQueuingStrategy({ highWaterMark: WATCHER_BUFFER_BYTES });
}

/** How many appended pieces a text collects before it is copied flat. */
const FLATTEN_EVERY = 64;

/**
 * `text + piece`, copied into one flat string every `FLATTEN_EVERY` pieces.
 * V8 keeps appended strings as a tree of pieces, about 60 bytes per token
 * where the text itself takes 3 to 10: at 1,000 answers streaming that was
 * 15 MB of the heap. Slicing a concatenation is a copy that keeps every
 * UTF-16 unit as it is (`normalize()` would copy too, but changes text).
 */
export function appendPiece(
  text: string,
  piece: string,
  count: number,
): string {
  const joined = text + piece;
  return count % FLATTEN_EVERY === 0 ? (" " + joined).slice(1) : joined;
}

/** A running generation of one assistant message. */
export class Generation {
  text = "";
  reasoning = "";
  #pieces = 0;
  #sinks = new Set<Sink>();
  #final: Message | null = null;
  #settled!: (message: Message) => void;
  /** Resolves with the final message (complete, cancelled or error). */
  readonly done: Promise<Message> = new Promise((resolve) =>
    this.#settled = resolve
  );

  constructor(
    readonly owner: string,
    readonly chatId: string,
    public message: Message,
    /** Aborts the upstream request: Cancel, shutdown. */
    readonly controller = new AbortController(),
  ) {
    this.text = message.content;
    this.reasoning = message.reasoning ?? "";
  }

  /** The message as it stands now. */
  snapshot(): Message {
    return this.#final ?? {
      ...this.message,
      content: this.text,
      ...(this.reasoning ? { reasoning: this.reasoning } : {}),
    };
  }

  /** Appends answer text and forwards it to every watcher at once. */
  appendText(text: string): void {
    this.text = appendPiece(this.text, text, ++this.#pieces);
    this.#broadcast(encodeChatEvent({ event: "delta", data: { text } }));
  }

  /** Appends reasoning text and forwards it. */
  appendReasoning(text: string): void {
    this.reasoning = appendPiece(this.reasoning, text, ++this.#pieces);
    this.#broadcast(encodeChatEvent({ event: "reasoning", data: { text } }));
  }

  /** Ends the generation with its final message: watchers get `done` and their streams close. */
  finish(message: Message): void {
    if (this.#final) return;
    this.#final = message;
    for (const event of finishedEvents(message)) {
      this.#broadcast(encodeChatEvent(event));
    }
    for (const sink of this.#sinks) {
      try {
        sink.close();
      } catch { /* the watcher went away */ }
    }
    this.#sinks.clear();
    this.#settled(message);
  }

  /** Whether the generation has ended. */
  get finished(): boolean {
    return this.#final !== null;
  }

  /**
   * An event stream for one watcher: `start` with the message as it stands
   * (so a late watcher catches up), then every delta, then `done`.
   * `prefix` events (e.g. the stored user message) come first.
   */
  watch(prefix: ChatEvent[] = []): ReadableStream<Uint8Array> {
    if (this.#final) {
      return streamOfEvents([...prefix, ...replayEvents(this.#final)]);
    }
    let sink: Sink;
    let keepAlive: ReturnType<typeof setInterval> | undefined;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        sink = controller;
        const send = (event: ChatEvent) =>
          controller.enqueue(encodeChatEvent(event));
        prefix.forEach(send);
        send({ event: "start", data: { message: this.snapshot() } });
        this.#sinks.add(controller);
        keepAlive = setInterval(() => {
          if (!this.#sinks.has(controller)) clearInterval(keepAlive);
          else this.#send(controller, KEEP_ALIVE);
        }, KEEP_ALIVE_MS);
        this.done.then(() => clearInterval(keepAlive));
      },
      cancel: () => {
        clearInterval(keepAlive);
        this.#sinks.delete(sink);
      },
    }, watcherStrategy());
  }

  /** How many watchers the generation has now. */
  get watchers(): number {
    return this.#sinks.size;
  }

  #broadcast(bytes: Uint8Array): void {
    for (const sink of this.#sinks) this.#send(sink, bytes);
  }

  /** Sends `bytes` to one watcher; drops a watcher that is gone or too far behind. */
  #send(sink: Sink, bytes: Uint8Array): void {
    try {
      if ((sink.desiredSize ?? 0) < 0) {
        // Erroring discards what is queued: the memory is freed at once.
        sink.error(new Error("The watcher fell too far behind"));
        this.#sinks.delete(sink);
        return;
      }
      sink.enqueue(bytes);
    } catch {
      this.#sinks.delete(sink);
    }
  }
}

/** A stream of `events` that ends after them. */
export function streamOfEvents(
  events: ChatEvent[],
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(encodeChatEvent(event));
      controller.close();
    },
  });
}
