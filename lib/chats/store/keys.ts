/**
 * The KV key layout of the chat store. Every key of a chat starts with a
 * kind and the owner, so one owner can never reach another's data by id:
 *
 * - `["meta", "schema_version"]` → number
 * - `["chats", owner, chatId]` → Chat
 * - `["chat_order", owner, bucket, invertedTime, chatId]` → Chat (a copy, so
 *   a page of the list is one range read); bucket 0 = pinned, 1 = unpinned
 * - `["messages", owner, chatId, messageId]` → StoredMessage
 * - `["content", owner, chatId, messageId, field, version, index]` → string
 * - `["message_count", owner, chatId]` → number
 * - `["streaming", owner, chatId, messageId]` → true, while streaming
 * - `["trash", owner, chatId]` → ISO time, a deleted chat not yet purged
 * - `["pending", owner, chatId]` → ISO time, an import not yet visible
 */

import type { Chat } from "../types.ts";

/** A field of a message that may be stored in chunks. */
export type TextField = "content" | "reasoning";

/** Key of the stored schema version. */
export const schemaKey = (): Deno.KvKey => ["meta", "schema_version"];
/** Key of a chat record. */
export const chatKey = (owner: string, id: string): Deno.KvKey => [
  "chats",
  owner,
  id,
];
/** Prefix of every chat record of an owner. */
export const chatsPrefix = (owner: string): Deno.KvKey => ["chats", owner];
/** Prefix of an owner's ordering index. */
export const orderPrefix = (owner: string): Deno.KvKey => [
  "chat_order",
  owner,
];
/** Key of a message record. */
export const messageKey = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["messages", owner, chatId, id];
/** Prefix of every message record of a chat, in creation order. */
export const messagesPrefix = (owner: string, chatId: string): Deno.KvKey => [
  "messages",
  owner,
  chatId,
];
/** Prefix of every content chunk of a chat. */
export const chatContentPrefix = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["content", owner, chatId];
/** Prefix of every content chunk of a message. */
export const messageContentPrefix = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["content", owner, chatId, id];
/** Prefix of the chunks of one version of one field of a message. */
export const versionPrefix = (
  owner: string,
  chatId: string,
  id: string,
  field: TextField,
  version: string,
): Deno.KvKey => ["content", owner, chatId, id, field, version];
/** Key of a chat's message counter. */
export const countKey = (owner: string, chatId: string): Deno.KvKey => [
  "message_count",
  owner,
  chatId,
];
/** Key marking a message as streaming. */
export const streamingKey = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["streaming", owner, chatId, id];
/** Prefix of the streaming marks of a chat. */
export const chatStreamingPrefix = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["streaming", owner, chatId];
/** Key marking a deleted chat whose data is still being purged. */
export const trashKey = (owner: string, chatId: string): Deno.KvKey => [
  "trash",
  owner,
  chatId,
];
/** Key marking an import that is not visible yet. */
export const pendingKey = (owner: string, chatId: string): Deno.KvKey => [
  "pending",
  owner,
  chatId,
];

// Larger than any Date value in milliseconds (8.64e15), so inverted times
// stay positive and newer sorts first.
const TIME_CEILING = 8.64e15 + 1;

/** Where a chat sits in the order: bucket, inverted time, id. */
export type OrderPosition = [bucket: 0 | 1, inverted: number, id: string];

/** The ordering position of a chat: pinned by pinnedAt, others by updatedAt. */
export function orderPosition(chat: Chat): OrderPosition {
  const time = chat.pinned ? chat.pinnedAt ?? chat.updatedAt : chat.updatedAt;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Chat ${chat.id} has an invalid timestamp "${time}"`);
  }
  return [chat.pinned ? 0 : 1, TIME_CEILING - ms, chat.id];
}

/** Key of a chat's entry in the ordering index. */
export function orderKey(owner: string, chat: Chat): Deno.KvKey {
  return [...orderPrefix(owner), ...orderPosition(chat)];
}

/** Thrown when a list cursor was not made by this store. */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
  constructor() {
    super("The cursor is not valid");
  }
}

/** Encodes an ordering position as an opaque, URL-safe cursor. */
export function encodeCursor(position: OrderPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-")
    .replaceAll("/", "_").replace(/=+$/, "");
}

/** Decodes a cursor; throws InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): OrderPosition {
  try {
    const b64 = cursor.replaceAll("-", "+").replaceAll("_", "/");
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    if (
      Array.isArray(value) && value.length === 3 &&
      (value[0] === 0 || value[0] === 1) && Number.isFinite(value[1]) &&
      typeof value[2] === "string"
    ) return value as OrderPosition;
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError();
}
