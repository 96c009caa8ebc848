/**
 * Changing and deleting messages. A streaming flush whose content extends
 * the stored one rewrites only the changed tail chunks (see content.ts).
 */

import { commitWithChunks } from "./content_write.ts";
import {
  chatStreamingPrefix,
  countKey,
  messageContentPrefix,
  messageKey,
  messagesPrefix,
  streamingKey,
  streamingPrefix,
  trashKey,
} from "@/lib/kv_keys.ts";
import { deletePrefix, type Mutation } from "./kv_limits.ts";
import { loadMessage, toMessage } from "./message_read.ts";
import { type MessagePatch, planTexts, remember } from "./messages.ts";
import {
  cacheKey,
  retry,
  type StoreContext,
  type StoredMessage,
} from "./context.ts";
import type { Message, MessageRef } from "../types.ts";

/**
 * Updates a message, writing `also` in the same commit; null when the owner
 * has no such chat or message.
 */
export async function updateMessage(
  ctx: StoreContext,
  ref: MessageRef,
  patch: MessagePatch,
  also: Mutation[] = [],
): Promise<Message | null> {
  const { owner, chatId, id } = ref;
  const key = messageKey(owner, chatId, id);
  const { id: _id, content, reasoning, ...rest } = patch as Partial<Message>;
  const changes: Partial<Record<"content" | "reasoning", string | undefined>> =
    {};
  if (content !== undefined) changes.content = content;
  if ("reasoning" in patch) changes.reasoning = reasoning;
  return await retry("update the message", async () => {
    // Old long texts tell appends apart; they come from the cache when this
    // store wrote the record last.
    const [entry, trash] = await ctx.kv.getMany([key, trashKey(owner, chatId)]);
    if (trash.value !== null) return null;
    const loaded = await loadMessage(ctx, ref, entry);
    if (!loaded) return null;
    const { record: before, texts: old } = loaded;
    const next: StoredMessage = { ...before, ...rest };
    for (const [name, value] of Object.entries(rest)) {
      if (value === undefined) delete next[name as keyof StoredMessage];
    }
    const writes = planTexts(ctx, ref, { before, next, changes, old });
    const finals: Mutation[] = [{ key, value: next }, ...also];
    const wasStreaming = before.status === "streaming";
    if (wasStreaming !== (next.status === "streaming")) {
      const mark = streamingKey(owner, chatId, id);
      finals.push(
        wasStreaming ? { key: mark, delete: true } : { key: mark, value: true },
      );
    }
    // A chat being deleted must not get new chunks behind the purge.
    const checks = [loaded.entry, trash];
    const result = await commitWithChunks(ctx.kv, writes, checks, finals);
    if (!result) return undefined;
    const texts = { ...old, ...changes };
    remember(ctx, ref, { record: next, stamp: result.versionstamp, texts });
    return toMessage(next, texts);
  });
}

/** Deletes one message and its chunks; false when there is none. */
export async function deleteMessage(
  ctx: StoreContext,
  ref: MessageRef,
): Promise<boolean> {
  const { owner, chatId, id } = ref;
  const key = messageKey(owner, chatId, id);
  const deleted = await retry("delete the message", async () => {
    const [entry, count] = await ctx.kv.getMany<[unknown, number]>([
      key,
      countKey(owner, chatId),
    ]);
    if (entry.value === null) return false;
    const result = await ctx.kv.atomic().check(entry, count)
      .delete(key)
      .delete(streamingKey(owner, chatId, id))
      .set(count.key, Math.max(0, (count.value ?? 1) - 1))
      .commit();
    return result.ok ? true : undefined;
  });
  if (deleted) {
    ctx.cache.delete(cacheKey(ref));
    await deletePrefix(ctx.kv, messageContentPrefix(owner, chatId, id));
  }
  return deleted;
}

/** Deletes every message after `id` (for edit and resend); returns how many. */
export async function deleteMessagesAfter(
  ctx: StoreContext,
  { owner, chatId, id }: MessageRef,
): Promise<number> {
  const prefix = messagesPrefix(owner, chatId);
  const ids: string[] = [];
  for await (const entry of ctx.kv.list({ prefix, start: [...prefix, id] })) {
    const later = entry.key[entry.key.length - 1] as string;
    if (later !== id) ids.push(later);
  }
  let deleted = 0;
  for (const later of ids.reverse()) {
    if (await deleteMessage(ctx, { owner, chatId, id: later })) deleted++;
  }
  return deleted;
}

/** Where a message that is still marked as streaming lives. */
export interface StreamingRef {
  owner: string;
  chatId: string;
  messageId: string;
}

/** Every message still marked streaming: of every owner, or of one chat. */
export async function listStreaming(
  ctx: StoreContext,
  chat?: { owner: string; chatId: string },
): Promise<StreamingRef[]> {
  const refs: StreamingRef[] = [];
  const prefix = chat
    ? chatStreamingPrefix(chat.owner, chat.chatId)
    : streamingPrefix();
  for await (const entry of ctx.kv.list({ prefix })) {
    const [, owner, chatId, messageId] = entry.key as string[];
    refs.push({ owner, chatId, messageId });
  }
  return refs;
}
