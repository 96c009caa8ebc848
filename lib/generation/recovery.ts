/**
 * Repairing answers that no one writes any more: a message still marked
 * streaming whose chat has no live lease for it (its process crashed, was
 * killed, or lost its disk) becomes an error "interrupted" with the text it
 * had saved. The runner repairs at start, on a timer, and whenever a chat
 * is read, so a chat is never stuck behind a dead answer.
 */
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import { isLive, type Lease, leaseKey } from "./lease.ts";
import type { RunnerStore } from "./run_loop.ts";

/** What a repair needs. */
export interface RepairOptions {
  kv: Deno.Kv;
  store: RunnerStore;
  /** Whether this process generates the message (its lease may lag). */
  runsHere(owner: string, chatId: string, messageId: string): boolean;
  describe(lang: Lang): MessageError;
}

/** A streaming message to look at. */
export interface StreamingMessage {
  owner: string;
  chatId: string;
  messageId: string;
}

/** Whether a live lease or this process still writes `ref`'s message. */
async function written(
  options: RepairOptions,
  ref: StreamingMessage,
): Promise<boolean> {
  if (options.runsHere(ref.owner, ref.chatId, ref.messageId)) return true;
  const lease = (await options.kv.get<Lease>(leaseKey(ref))).value;
  return isLive(lease) && lease!.messageId === ref.messageId;
}

/**
 * Marks each of `refs` that no one writes as interrupted; returns the
 * repaired messages. A message that finished meanwhile is left as it is.
 */
export async function repairStale(
  options: RepairOptions,
  refs: StreamingMessage[],
): Promise<Message[]> {
  const repaired: Message[] = [];
  for (const ref of refs) {
    if (await written(options, ref)) continue;
    const { owner, chatId, messageId } = ref;
    const current = await options.store.getMessage(owner, chatId, messageId);
    if (current?.status !== "streaming") continue;
    const message = await options.store.updateMessage(
      owner,
      chatId,
      messageId,
      { status: "error", error: options.describe("id") },
    );
    if (message) repaired.push(message);
  }
  return repaired;
}
