/**
 * Message records: their shapes, the plan of their text writes, and reading
 * them. Adding goes through a turn's commit (`turn_commit.ts`).
 */

import { getChatEntry } from "./chats.ts";
import { planText, type TextWrite } from "./content_write.ts";
import {
  chatKey,
  countKey,
  messageKey,
  messagesPrefix,
  type TextField,
  versionPrefix,
} from "@/lib/kv_keys.ts";
import { KV_MAX_BATCH_SIZE } from "./kv_limits.ts";
import { readMessage, toMessage } from "./message_read.ts";
import { type StoredChat, visibleChat } from "./import_state.ts";
import {
  asStoredMessage,
  cacheKey,
  refOf,
  setStoredText,
  type StoreContext,
  type StoredMessage,
  storedText,
  TEXT_FIELDS,
} from "./context.ts";
import type { ChatRef, Message, MessageRef } from "../types.ts";

/** A new message: id and createdAt are generated unless given. */
export type MessageInit = Omit<Message, "id" | "createdAt"> & {
  id?: string;
  createdAt?: string;
};

/** What updateMessage may change. */
export type MessagePatch = Partial<Omit<Message, "id">>;

/** A change of a message record's texts, for planTexts. */
export interface RecordChange {
  /** The record as stored; null for a new one. */
  before: StoredMessage | null;
  /** The record to store; its text fields are set by planTexts. */
  next: StoredMessage;
  /** The fields that change, to their new text (undefined removes it). */
  changes: Partial<Record<TextField, string | undefined>>;
  /** The old full texts of `before`'s chunked fields. */
  old?: Partial<Record<TextField, string>>;
}

/** Plans the text writes of a record change and applies them to `next`. */
export function planTexts(
  ctx: StoreContext,
  chat: ChatRef,
  { before, next, changes, old = {} }: RecordChange,
): TextWrite[] {
  const writes: TextWrite[] = [];
  const ref: MessageRef = { ...chat, id: next.id };
  for (const field of TEXT_FIELDS) {
    if (!(field in changes)) continue;
    const write = planText({
      field,
      prefix: (v) => versionPrefix(ref, field, v),
      old: before && storedText(before, field),
      oldText: old[field],
      text: changes[field],
      chunkSize: ctx.chunkSize,
      inlineMax: ctx.inlineMax,
      newVersion: ctx.newId,
    });
    setStoredText(next, field, write.stored);
    writes.push(write);
  }
  return writes;
}

/** Most messages `addMessages()` takes at once (a `getMany` holds 10 keys). */
export const MAX_ADDED_AT_ONCE = 8;

/** Reads one message; null when the owner has no such chat or message. */
export async function getMessage(
  ctx: StoreContext,
  ref: MessageRef,
): Promise<Message | null> {
  const { owner, chatId, id } = ref;
  const [chat, entry] = await ctx.kv.getMany<[StoredChat, unknown]>([
    chatKey(owner, chatId),
    messageKey(owner, chatId, id),
  ]);
  if (!await visibleChat(ctx, owner, chat.value)) return null;
  return await readMessage(ctx, ref, entry);
}

/** Every message of a chat in creation order; null without the chat. */
export async function listMessages(
  ctx: StoreContext,
  chatRef: ChatRef,
): Promise<Message[] | null> {
  const { owner, chatId } = chatRef;
  const list = async () => {
    const entries: Deno.KvEntry<unknown>[] = [];
    const iterator = ctx.kv.list({ prefix: messagesPrefix(owner, chatId) }, {
      batchSize: KV_MAX_BATCH_SIZE,
    });
    for await (const entry of iterator) entries.push(entry);
    return entries;
  };
  const [chat, entries] = await Promise.all([
    getChatEntry(ctx, owner, chatId),
    list(),
  ]);
  if (!chat.value) return null;
  // Most records hold their text inline: only chunked ones need reads.
  const messages = await Promise.all(entries.map((entry) => {
    const record = asStoredMessage(entry.value, entry.key);
    return record.contentRef || record.reasoningRef
      ? readMessage(ctx, chatRef, entry)
      : toMessage(record, {});
  }));
  return messages.filter((m): m is Message => m !== null);
}

/** How many messages a chat has; null without the chat. */
export async function countMessages(
  ctx: StoreContext,
  { owner, chatId }: ChatRef,
): Promise<number | null> {
  const [chat, count] = await ctx.kv.getMany<[StoredChat, number]>([
    chatKey(owner, chatId),
    countKey(owner, chatId),
  ]);
  return await visibleChat(ctx, owner, chat.value) ? count.value ?? 0 : null;
}

/** A record just committed, with its full texts, for the cache. */
export interface WrittenRecord {
  record: StoredMessage;
  /** The versionstamp of the commit. */
  stamp: string;
  texts: Partial<Record<TextField, string | undefined>>;
}

/** Caches the long texts of a record just written. */
export function remember(
  ctx: StoreContext,
  chat: ChatRef,
  { record, stamp, texts }: WrittenRecord,
): void {
  const long: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const text = texts[field];
    if (record[refOf(field)] && text !== undefined) long[field] = text;
  }
  ctx.cache.set(cacheKey({ ...chat, id: record.id }), stamp, long);
}
