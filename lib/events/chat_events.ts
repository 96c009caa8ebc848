/**
 * The chat event stream of DESIGN.md, as one typed protocol for the server
 * (which encodes it) and the browser (which decodes it). Browser-safe: no
 * Deno APIs, no dependencies beyond the line parser in sse.ts.
 */
import type { Message, MessageError } from "@/lib/chats/types.ts";
import { SseDecoder } from "./sse.ts";

/** The payload of each event, by event name. */
export interface ChatEventData {
  /** The stored user message; `title` when it gave the chat its automatic title. */
  user: { message: Message; title?: string };
  /** The assistant message, status "streaming", with its text so far. */
  start: { message: Message };
  /** Text appended to the answer. */
  delta: { text: string };
  /** Reasoning text, where the model sends it. */
  reasoning: { text: string };
  /** Why the answer failed; `done` follows. */
  error: { error: MessageError };
  /** The final assistant message: every stream ends with it. */
  done: { message: Message };
}

/** The name of a chat event. */
export type ChatEventName = keyof ChatEventData;

/** One chat event: its name and its payload. */
export type ChatEvent = {
  [K in ChatEventName]: { event: K; data: ChatEventData[K] };
}[ChatEventName];

const NAMES: ReadonlySet<string> = new Set<ChatEventName>([
  "user",
  "start",
  "delta",
  "reasoning",
  "error",
  "done",
]);

const encoder = new TextEncoder();

/** One event in wire format. */
export function encodeChatEvent(event: ChatEvent): Uint8Array {
  return encoder.encode(
    `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`,
  );
}

/** The comment line that keeps proxies from closing an idle stream. */
export const KEEP_ALIVE: Uint8Array = encoder.encode(": keep-alive\n\n");

/** How often a keep-alive is sent while nothing else is. */
export const KEEP_ALIVE_MS = 15_000;

/** What ends the stream of a finished answer: its error if it failed, then `done`. */
export function finishedEvents(message: Message): ChatEvent[] {
  const events: ChatEvent[] = [];
  if (message.status === "error" && message.error) {
    events.push({ event: "error", data: { error: message.error } });
  }
  events.push({ event: "done", data: { message } });
  return events;
}

/** The whole stream of an answer that had finished before anyone watched. */
export function replayEvents(message: Message): ChatEvent[] {
  const start = { ...message, content: "", reasoning: undefined };
  return [
    { event: "start", data: { message: start } },
    { event: "delta", data: { text: message.content } },
    ...finishedEvents(message),
  ];
}

/**
 * Turns event-stream bytes back into chat events. Chunks may split lines
 * anywhere; comments (keep-alives) and unknown event names are skipped.
 */
export class ChatEventDecoder {
  readonly #sse = new SseDecoder();

  /** Decodes one chunk; returns the events it completed. */
  push(chunk: Uint8Array): ChatEvent[] {
    return this.#events(this.#sse.push(chunk));
  }

  /** Ends the stream; returns the events of an unterminated last line. */
  end(): ChatEvent[] {
    return this.#events(this.#sse.end());
  }

  #events(items: ReturnType<SseDecoder["push"]>): ChatEvent[] {
    const out: ChatEvent[] = [];
    for (const item of items) {
      if (item.type !== "event" || !NAMES.has(item.event)) continue;
      out.push({ event: item.event, data: JSON.parse(item.data) } as ChatEvent);
    }
    return out;
  }
}

/** The chat events of a response body, as they arrive. */
export async function* readChatEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ChatEvent> {
  const decoder = new ChatEventDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      yield* done ? decoder.end() : decoder.push(value);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
