/**
 * The run loop of one generation: reads the model's events into the
 * `Generation`, flushes the text to KV twice a second (the runner
 * renews the chat's lease on its own timer), and saves the final message in
 * the commit that frees the chat.
 */
import type { Mutation } from "@/lib/chats/store/mod.ts";
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import type { Generation } from "./generation.ts";
import {
  InterruptedError,
  interruptedError,
  saveFailedError,
} from "./errors.ts";
import { type Leases, releaseMutations } from "./lease.ts";

/** What the runner needs of the chat store. */
export interface RunnerStore {
  /** Updates a message, with `also` written in the same commit. */
  updateMessage(
    owner: string,
    chatId: string,
    messageId: string,
    patch: Partial<Message>,
    also?: Mutation[],
  ): Promise<Message | null>;
  /** One message; remote watches poll it. */
  getMessage(
    owner: string,
    chatId: string,
    messageId: string,
  ): Promise<Message | null>;
  /** Messages marked streaming: every owner's, or one chat's. */
  listStreaming(chat?: { owner: string; chatId: string }): Promise<
    { owner: string; chatId: string; messageId: string }[]
  >;
}

/** Streams the model's answer for one generation. */
export type CompleteFn = (
  signal: AbortSignal,
) => AsyncIterable<CompletionEvent>;

/** What a run needs. */
export interface RunOptions {
  generation: Generation;
  complete: CompleteFn;
  lang: Lang;
  store: RunnerStore;
  leases: Leases;
  flushMs: number;
  describeError: (error: unknown, lang: Lang) => MessageError;
}

/** Runs `generation` to its end; never throws. */
export async function runGeneration(options: RunOptions): Promise<void> {
  const { generation, store } = options;
  const { owner, chatId } = generation;
  const messageId = generation.message.id;
  let flushed = { text: generation.text, reasoning: generation.reasoning };
  // One write in flight per answer, always of the latest text: under load
  // a queue of stale writes would delay the final save. A tick that finds
  // a write in flight is not skipped but coalesced: the next write starts
  // as soon as that one is done, so a slow commit widens the window that a
  // crash loses by its own length only, never by a whole interval.
  let flushing: Promise<void> | null = null;
  let again = false;
  let ended = false;
  const flush = () => {
    if (ended) return;
    if (flushing) {
      again = true;
      return;
    }
    const next = { text: generation.text, reasoning: generation.reasoning };
    if (next.text === flushed.text && next.reasoning === flushed.reasoning) {
      return;
    }
    flushing = store.updateMessage(owner, chatId, messageId, {
      content: next.text,
      ...(next.reasoning ? { reasoning: next.reasoning } : {}),
    }).then(() => {
      flushed = next;
    }).catch((error) =>
      console.error(`Could not save partial answer of chat ${chatId}:`, error)
    ).finally(() => {
      flushing = null;
      if (again) {
        again = false;
        flush();
      }
    });
  };
  const timer = setInterval(flush, options.flushMs);
  const final: Message = { ...generation.message };
  try {
    for await (const event of options.complete(generation.controller.signal)) {
      switch (event.type) {
        case "delta":
          generation.appendText(event.text);
          break;
        case "reasoning":
          generation.appendReasoning(event.text);
          break;
        case "model":
          final.model = event.model;
          break;
        case "usage":
          final.usage = event.usage;
          break;
      }
    }
    final.status = "complete";
  } catch (error) {
    const { signal } = generation.controller;
    if (signal.aborted && signal.reason instanceof InterruptedError) {
      final.status = "error";
      final.error = interruptedError(options.lang);
    } else if (signal.aborted) {
      final.status = "cancelled";
    } else {
      final.status = "error";
      final.error = options.describeError(error, options.lang);
    }
  } finally {
    clearInterval(timer);
  }
  final.content = generation.text;
  if (generation.reasoning) final.reasoning = generation.reasoning;
  ended = true;
  await (flushing as Promise<void> | null);
  generation.finish(await saveFinal(options, final));
}

/**
 * Saves the final message and frees the chat in one commit. When that
 * fails (a full disk), the answer ends as an error that says so, with its
 * text, and the chat is freed alone (or its lease expires, not renewed).
 */
async function saveFinal(
  { generation, store, leases, lang }: RunOptions,
  final: Message,
): Promise<Message> {
  const ref = { owner: generation.owner, chatId: generation.chatId };
  let saved: Message | null = null;
  let failed = false;
  try {
    saved = await store.updateMessage(ref.owner, ref.chatId, final.id, {
      content: final.content,
      status: final.status,
      ...(final.reasoning ? { reasoning: final.reasoning } : {}),
      ...(final.model ? { model: final.model } : {}),
      ...(final.usage ? { usage: final.usage } : {}),
      ...(final.error ? { error: final.error } : {}),
    }, releaseMutations(ref));
  } catch (error) {
    failed = true;
    console.error(`Could not save the answer of chat ${ref.chatId}:`, error);
  }
  if (saved) return saved;
  await leases.release(ref).catch(() => {});
  // Null without a failure: the chat was deleted meanwhile.
  return failed
    ? { ...final, status: "error", error: saveFailedError(lang) }
    : final;
}
