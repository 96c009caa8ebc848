/**
 * Watching a generation that runs on another instance: its text reaches KV
 * at every flush (twice a second), so this polls the stored message and
 * sends what was added, in the same event stream as a local watch, until the
 * answer ends. When the other instance dies (its lease is gone with the
 * message still streaming) the message is repaired and the watch ends with
 * its `error` "interrupted" and `done`.
 */
import type { Message } from "@/lib/chats/types.ts";
import {
  type ChatEvent,
  encodeChatEvent,
  finishedEvents,
  KEEP_ALIVE,
  KEEP_ALIVE_MS,
} from "@/lib/events/chat_events.ts";
import { watcherStrategy } from "./generation.ts";

/** How a remote watch reads the answer. */
export interface RemoteSource {
  read(): Promise<Message | null>;
  /** Whether the other instance still holds the chat's lease. */
  alive(): Promise<boolean>;
  /** Marks the dead instance's answer interrupted; null when it had ended. */
  repair?(): Promise<Message | null>;
  /** Ends the watch without `done` (this server stops; the answer goes on). */
  signal?: AbortSignal;
}

/** How often and how patiently a remote watch reads. */
export interface RemoteWatchOptions {
  /** Between two reads of the stored answer. */
  pollMs?: number;
  /**
   * How long reads may keep failing before the watch gives up: a moment of
   * "database is locked" (another process died holding the file) is not the
   * end of the answer.
   */
  failureMs?: number;
}

/** An event stream of `source`'s answer: `start` with its text so far, deltas, `done`. */
export function watchRemote(
  source: RemoteSource,
  { pollMs = 250, failureMs = 5_000 }: RemoteWatchOptions = {},
): ReadableStream<Uint8Array> {
  let stopped = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ChatEvent) =>
        controller.enqueue(encodeChatEvent(event));
      let sent = -1;
      let quietSince = Date.now();
      let failingSince: number | undefined;
      /** One look at the stored answer; true once the watch is over. */
      const poll = async (): Promise<boolean> => {
        const message = await source.read();
        if (!message) return true;
        if (sent === -1) {
          send({ event: "start", data: { message } });
          sent = message.content.length;
        } else if (message.content.length > sent) {
          send({
            event: "delta",
            data: { text: message.content.slice(sent) },
          });
          sent = message.content.length;
          quietSince = Date.now();
        }
        // A lost lease with the message still streaming: the other instance died.
        const ended = message.status !== "streaming" || !await source.alive();
        if (!ended) return false;
        const final =
          (message.status === "streaming" ? await source.repair?.() : null) ??
            (await source.read()) ?? message;
        if (final.content.length > sent) {
          send({ event: "delta", data: { text: final.content.slice(sent) } });
        }
        finishedEvents(final).forEach(send);
        return true;
      };
      try {
        while (!stopped && !source.signal?.aborted) {
          // A watcher that does not read is dropped past its buffer; it
          // can watch again from the stored text.
          if ((controller.desiredSize ?? 1) <= 0) {
            stopped = true;
            controller.error(new Error("The watcher fell too far behind"));
            return;
          }
          try {
            if (await poll()) break;
            failingSince = undefined;
          } catch (error) {
            if (failingSince === undefined) {
              console.error(
                "Could not read a watched answer, trying again:",
                error,
              );
            }
            failingSince ??= Date.now();
            if (Date.now() - failingSince >= failureMs) throw error;
          }
          if (Date.now() - quietSince > KEEP_ALIVE_MS) {
            controller.enqueue(KEEP_ALIVE);
            quietSince = Date.now();
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
        controller.close();
      } catch (error) {
        if (!stopped) controller.error(error);
      }
    },
    cancel() {
      stopped = true;
    },
  }, watcherStrategy());
}
