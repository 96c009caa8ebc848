/**
 * Adding and reading messages. Adding commits the record, the chat's
 * counter and order, and the streaming mark in one atomic operation.
 */

import { chatMutations, getChatEntry, patchChat } from "./chats.ts";
import { commitWithChunks, planText, type TextWrite } from "./content_write.ts";
import {
  chatKey,
  countKey,
  messageKey,
  messagesPrefix,
  streamingKey,
  type TextField,
  versionPrefix,
} from "@/lib/kv_keys.ts";
import { KV_MAX_BATCH_SIZE, type Mutation } from "./kv_limits.ts";
import { readMessage, toMessage } from "./message_read.ts";
import { type StoredChat, visibleChat } from "./import_state.ts";
import {
  asStoredMessage,
  cacheKey,
  compact,
  refOf,
  retry,
  setStoredText,
  type StoreContext,
  type StoredMessage,
  storedText,
  TEXT_FIELDS,
} from "./context.ts";
import type {
  Chat,
  ChatPatch,
  ChatRef,
  Message,
  MessageRef,
} from "../types.ts";

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

/**
 * Adds `inits` in order, bumps the chat's updatedAt and applies `chatPatch`,
 * all in one commit (a turn's question, its answer's placeholder and the
 * chat's automatic title); null without the chat.
 */
export async function addMessages(
  ctx: StoreContext,
  chatRef: ChatRef,
  inits: MessageInit[],
  chatPatch: ChatPatch = {},
): Promise<Message[] | null> {
  const { owner, chatId } = chatRef;
  if (inits.length > MAX_ADDED_AT_ONCE) {
    throw new RangeError(`At most ${MAX_ADDED_AT_ONCE} messages at once`);
  }
  const messages = inits.map(({ content, reasoning, ...rest }): Message =>
    compact({
      ...rest,
      id: rest.id ?? ctx.newId(),
      createdAt: rest.createdAt ?? ctx.now().toISOString(),
      content,
      reasoning,
    })
  );
  const keys = messages.map((m) => messageKey(owner, chatId, m.id));
  return await retry("add the message", async () => {
    const [chat, count, ...existing] = await ctx.kv.getMany<unknown[]>(
      [chatKey(owner, chatId), countKey(owner, chatId), ...keys],
    ) as [
      Deno.KvEntryMaybe<Chat>,
      Deno.KvEntryMaybe<number>,
      ...Deno.KvEntryMaybe<unknown>[],
    ];
    const visible = await visibleChat(ctx, owner, chat.value);
    if (!visible) return null;
    const taken = existing.findIndex((e) => e.value !== null);
    if (taken >= 0) {
      throw new Error(
        `Message ${messages[taken].id} already exists in this chat`,
      );
    }
    const bumped = patchChat(ctx, visible, chatPatch);
    const writes: TextWrite[] = [];
    const records: StoredMessage[] = [];
    const finals: Mutation[] = [
      {
        key: countKey(owner, chatId),
        value: (count.value ?? 0) + messages.length,
      },
      ...chatMutations(owner, chat.value, bumped),
    ];
    messages.forEach((message, i) => {
      const { content, reasoning, ...record }: StoredMessage & Message =
        message;
      writes.push(...planTexts(ctx, chatRef, {
        before: null,
        next: record,
        changes: { content, reasoning },
      }));
      records.push(record);
      finals.push({ key: keys[i], value: record });
      if (message.status === "streaming") {
        finals.push({
          key: streamingKey(owner, chatId, message.id),
          value: true,
        });
      }
    });
    const result = await commitWithChunks(ctx.kv, writes, [
      chat,
      count,
      ...existing,
    ], finals);
    if (!result) return undefined;
    records.forEach((record, i) =>
      remember(ctx, chatRef, {
        record,
        stamp: result.versionstamp,
        texts: messages[i],
      })
    );
    return messages;
  });
}

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
