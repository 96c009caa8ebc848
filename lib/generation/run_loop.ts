/**
 * The run loop of one generation: reads the model's events into the
 * `Generation`, flushes the text to KV about once a second while renewing
 * the chat's lease, and saves the final message in the commit that frees
 * the chat.
 */
import type { Mutation } from "@/lib/chats/store/mod.ts";
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import type { Generation } from "./generation.ts";
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
  listStreaming(): Promise<
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
  const { generation, store, leases } = options;
  const { owner, chatId } = generation;
  const messageId = generation.message.id;
  let flushed = { text: generation.text, reasoning: generation.reasoning };
  // One write in flight per answer, always of the latest text: under load
  // a queue of stale writes would delay the final save and widen the
  // window that a crash loses.
  let flushing: Promise<void> | null = null;
  let lastLease = Date.now();
  const flush = () => {
    if (flushing) return;
    const next = { text: generation.text, reasoning: generation.reasoning };
    if (next.text === flushed.text && next.reasoning === flushed.reasoning) {
      return;
    }
    flushing = (async () => {
      await store.updateMessage(owner, chatId, messageId, {
        content: next.text,
        ...(next.reasoning ? { reasoning: next.reasoning } : {}),
      });
      flushed = next;
      if (Date.now() - lastLease > leases.leaseMs / 3) {
        lastLease = Date.now();
        await leases.renew({ owner, chatId }, messageId);
      }
    })().catch((error) =>
      console.error(`Could not save partial answer of chat ${chatId}:`, error)
    ).finally(() => flushing = null);
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
    if (generation.controller.signal.aborted) {
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
  await (flushing as Promise<void> | null);
  generation.finish(await saveFinal(options, final));
}

/** Saves the final message and frees the chat in one commit; frees it alone when that fails. */
async function saveFinal(
  { generation, store, leases }: RunOptions,
  final: Message,
): Promise<Message> {
  const ref = { owner: generation.owner, chatId: generation.chatId };
  let saved: Message | null = null;
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
    console.error(`Could not save the answer of chat ${ref.chatId}:`, error);
  }
  if (!saved) await leases.release(ref).catch(() => {});
  return saved ?? final;
}
